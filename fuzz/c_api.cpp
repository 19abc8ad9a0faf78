// fuzz_c_api: the C ABI used in random orders. The input is a program: each step takes an operation byte and its
// arguments from the input and creates, uses or frees one of a few handle slots (profiles, count options, counts,
// constitutions, registers, budget elections). An empty slot is passed as NULL, so every operation is also tried on a
// missing handle, and handles are used after failed calls. Invariants: every call returns TMO_OK or a negative code
// that matches tmo_error_last(); failed calls leave outputs NULL or empty; a profile written as BLT reads back with the
// same size; a constitution's canonical TOML is a fixed point; money formats back to what it parsed; at the end
// everything is freed (AddressSanitizer's leak check sees any handle the library leaks).
#include "fuzz.hpp"

#include <tmo/tmo.h>

#include <array>
#include <cstring>
#include <string>

namespace {

// The input read as a stream of bytes; past the end every read gives 0 (so every input is a valid program).
class program {
public:
    program(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    [[nodiscard]] bool done() const { return at_ >= size_; }
    std::uint8_t byte() { return at_ < size_ ? data_[at_++] : 0; }
    std::uint32_t small(std::uint32_t limit) { return byte() % limit; }
    /// A chunk of the input: a length byte (0-255; 255 takes the rest) and that many bytes.
    std::string chunk() {
        const std::size_t wanted = byte();
        const std::size_t left = size_ - std::min(at_, size_);
        const std::size_t n = wanted == 255 ? left : std::min(wanted, left);
        std::string s(reinterpret_cast<const char*>(data_ + std::min(at_, size_)), n);
        at_ += n;
        return s;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

constexpr std::size_t slots = 3;

struct handles {
    std::array<tmo_profile*, slots> profiles{};
    std::array<tmo_count_options*, slots> options{};
    std::array<tmo_count*, slots> counts{};
    std::array<tmo_constitution*, slots> constitutions{};
    std::array<tmo_register*, slots> registers{};
    std::array<tmo_budget_election*, slots> elections{};

    ~handles() {
        for (std::size_t i = 0; i < slots; ++i) {
            tmo_profile_free(profiles[i]);
            tmo_count_options_free(options[i]);
            tmo_count_free(counts[i]);
            tmo_constitution_free(constitutions[i]);
            tmo_register_free(registers[i]);
            tmo_budget_election_free(elections[i]);
        }
    }
};

// A status as the conventions of tmo.h require: TMO_OK, or a negative code recorded as the last error with a
// message.
int checked(int status) {
    const tmo_error* e = tmo_error_last();
    TMO_FUZZ_CHECK(e != nullptr);
    TMO_FUZZ_CHECK(status <= 0);
    TMO_FUZZ_CHECK(e->code == status);
    TMO_FUZZ_CHECK(e->message != nullptr && e->file != nullptr && e->key_path != nullptr);
    if (status != TMO_OK) TMO_FUZZ_CHECK(e->message[0] != '\0');
    TMO_FUZZ_CHECK(tmo_strerror(status) != nullptr);
    return status;
}

// A length or a status (tmo_money_format): a length means success.
int checked_length(int result) {
    return result >= 0 ? (checked(TMO_OK), result) : checked(result);
}

template <typename T>
void replace(T*& slot, T* value, void (*release)(T*)) {
    release(slot);
    slot = value;
}

const char* const names[] = {"Ash", "Birch", "Cedar", "Damson", "Elder", "Fir", "Gean", "Hazel"};
const char* const rules[] = {"scottish-stv", "wigm", "meek", "irv", "plurality", "block", "schulze",
                             "ranked-pairs", "borda", "no-such-rule"};
const char* const keys[] = {"seats", "ties", "seed", "decimals", "batch", "max-marks", "strength", "no-such-key"};
const char* const values[] = {"1", "2", "0", "on", "off", "forwards", "margins", "-3", "", "99999999999999999999"};

void step(program& in, handles& h) {
    const std::size_t a = in.small(slots);
    const std::size_t b = in.small(slots);
    switch (in.small(16)) {
        case 0: {  // parse a profile
            const std::string text = in.chunk();
            tmo_profile* p = reinterpret_cast<tmo_profile*>(1);
            if (checked(tmo_profile_parse(&p, text.data(), text.size(), "fuzz", in.small(3))) != TMO_OK) {
                TMO_FUZZ_CHECK(p == nullptr);
            }
            replace(h.profiles[a], p, tmo_profile_free);
            break;
        }
        case 1: {  // a new profile
            tmo_profile* p = nullptr;
            checked(tmo_profile_new(&p, names, in.small(9), in.small(10)));
            replace(h.profiles[a], p, tmo_profile_free);
            break;
        }
        case 2: {  // add a ballot
            std::uint32_t marks[8];
            const std::size_t n = in.small(9);
            for (std::size_t i = 0; i < n; ++i) marks[i] = in.small(12) == 11 ? 0xFFFFFFFFu : in.small(10);
            checked(tmo_profile_add_ballot(h.profiles[a], marks, n, in.byte()));
            break;
        }
        case 3: checked(tmo_profile_set_seats(h.profiles[a], in.small(10))); break;
        case 4: checked(tmo_profile_withdraw(h.profiles[a], in.small(10))); break;
        case 5: {  // write as BLT, read back: the same size
            tmo_buf buf = TMO_BUF_INIT;
            if (checked(tmo_profile_to_blt(&buf, h.profiles[a])) == TMO_OK) {
                tmo_profile* back = nullptr;
                if (checked(tmo_profile_parse(&back, buf.ptr, buf.size, "blt", 0)) == TMO_OK) {
                    std::uint32_t c1 = 0, s1 = 0, c2 = 0, s2 = 0;
                    std::uint64_t p1 = 0, p2 = 0;
                    checked(tmo_profile_size(&c1, &s1, &p1, h.profiles[a]));
                    checked(tmo_profile_size(&c2, &s2, &p2, back));
                    TMO_FUZZ_CHECK(c1 == c2 && s1 == s2 && p1 == p2);
                }
                tmo_profile_free(back);
            } else {
                TMO_FUZZ_CHECK(buf.ptr == nullptr && buf.size == 0);
            }
            tmo_buf_dispose(&buf);
            break;
        }
        case 6: {
            tmo_count_options* o = nullptr;
            checked(tmo_count_options_new(&o));
            replace(h.options[a], o, tmo_count_options_free);
            break;
        }
        case 7: checked(tmo_count_options_set(h.options[a], keys[in.small(8)], values[in.small(10)])); break;
        case 8: {  // count
            tmo_count* c = nullptr;
            if (checked(tmo_count_run(&c, h.profiles[a], rules[in.small(10)], in.small(2) ? h.options[b] : nullptr)) ==
                TMO_OK) {
                std::size_t stages = 0, elected = 0;
                checked(tmo_count_stage_count(&stages, c));
                checked(tmo_count_elected_count(&elected, c));
                std::uint32_t candidates = 0, seats = 0;
                std::uint64_t papers = 0;
                checked(tmo_profile_size(&candidates, &seats, &papers, h.profiles[a]));
                TMO_FUZZ_CHECK(elected <= seats);
                TMO_FUZZ_CHECK(stages >= 1);
            } else {
                TMO_FUZZ_CHECK(c == nullptr);
            }
            replace(h.counts[b], c, tmo_count_free);
            break;
        }
        case 9: {  // render or read a count, also with out-of-range arguments
            tmo_buf buf = TMO_BUF_INIT;
            checked(tmo_count_render(&buf, h.counts[a], static_cast<int>(in.small(5))));
            tmo_buf_dispose(&buf);
            (void)tmo_count_stage_votes(h.counts[a], in.small(4), in.small(10));
            (void)tmo_count_stage_figure(h.counts[a], in.small(4), static_cast<int>(in.small(7)));
            break;
        }
        case 10: {  // free one slot
            switch (in.small(6)) {
                case 0: replace<tmo_profile>(h.profiles[a], nullptr, tmo_profile_free); break;
                case 1: replace<tmo_count_options>(h.options[a], nullptr, tmo_count_options_free); break;
                case 2: replace<tmo_count>(h.counts[a], nullptr, tmo_count_free); break;
                case 3: replace<tmo_constitution>(h.constitutions[a], nullptr, tmo_constitution_free); break;
                case 4: replace<tmo_register>(h.registers[a], nullptr, tmo_register_free); break;
                default: replace<tmo_budget_election>(h.elections[a], nullptr, tmo_budget_election_free); break;
            }
            break;
        }
        case 11: {  // a constitution; its canonical TOML is a fixed point
            const std::string text = in.chunk();
            tmo_constitution* c = nullptr;
            if (checked(tmo_constitution_parse(&c, text.data(), text.size(), "fuzz")) == TMO_OK) {
                tmo_buf once = TMO_BUF_INIT, twice = TMO_BUF_INIT;
                checked(tmo_constitution_to_toml(&once, c));
                tmo_constitution* back = nullptr;
                TMO_FUZZ_CHECK(checked(tmo_constitution_parse(&back, once.ptr, once.size, "canonical")) == TMO_OK);
                checked(tmo_constitution_to_toml(&twice, back));
                TMO_FUZZ_CHECK(once.size == twice.size && std::memcmp(once.ptr, twice.ptr, once.size) == 0);
                tmo_constitution_free(back);
                tmo_buf_dispose(&once);
                tmo_buf_dispose(&twice);
            }
            replace(h.constitutions[a], c, tmo_constitution_free);
            break;
        }
        case 12: {  // use a constitution (perhaps NULL)
            tmo_buf buf = TMO_BUF_INIT;
            checked(tmo_constitution_summary(&buf, h.constitutions[a]));
            tmo_buf_dispose(&buf);
            break;
        }
        case 13: {  // a register
            const std::string text = in.chunk();
            tmo_register* r = nullptr;
            checked(tmo_register_parse(&r, text.data(), text.size(), "fuzz"));
            std::size_t n = 0;
            checked(tmo_register_count(&n, r));
            replace(h.registers[a], r, tmo_register_free);
            break;
        }
        case 14: {  // money: what parses formats back to itself
            const std::string text = in.chunk();  // NUL-terminated by std::string; an inner NUL ends it early
            std::int64_t pence = 0;
            if (checked(tmo_money_parse(&pence, text.c_str())) == TMO_OK) {
                char buf[64];
                const unsigned flags = in.small(4);
                if (checked_length(tmo_money_format(buf, sizeof buf, pence, flags)) >= 0) {
                    std::int64_t back = 0;
                    TMO_FUZZ_CHECK(checked(tmo_money_parse(&back, buf)) == TMO_OK && back == pence);
                }
                char tiny[4];
                checked_length(tmo_money_format(tiny, in.small(5), pence, flags));
            }
            break;
        }
        default: {  // a budget election, run by greedy
            const int format = static_cast<int>(in.small(5));
            const std::string text = in.chunk();
            tmo_budget_election* e = nullptr;
            checked(tmo_budget_election_parse(&e, text.data(), text.size(), format, "fuzz"));
            tmo_budget_outcome* o = nullptr;
            if (checked(tmo_budget_run(&o, e, "greedy", nullptr)) == TMO_OK) {
                tmo_buf buf = TMO_BUF_INIT;
                checked(tmo_budget_outcome_to_json(&buf, o));
                tmo_buf_dispose(&buf);
            }
            tmo_budget_outcome_free(o);
            replace(h.elections[a], e, tmo_budget_election_free);
            break;
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    program in(data, size);
    handles h;
    for (int steps = 0; !in.done() && steps < 64; ++steps) step(in, h);
    return 0;
}
