# Conducts a committee election with the tmo tool's ballot verbs on a fresh database, end to end: open (2 seats among
# 4 candidates under scottish-stv, the roll every voting class of the Riverside register at 2026-06-30), codes, cast
# (13 papers by code; a replayed code and a paper naming candidate 9 refused), turnout, close, count, verify, records:
#   cmake -DTOOL=<tmo> -DEXAMPLES=<examples/data> -DDB=<database file> -P store_election.cmake
# The papers and the count worked by hand (as in tests/c_api/store.c, which also derives the digest): 6 x "1,3",
# 4 x "1,2", 1 x "3,2,4" (after "3,2=4" is refused: scottish-stv takes no equal ranks), 1 x "4,3" and 1 blank, by
# the voters of roll lines 1-13; 12 valid papers, quota floor(12/3) + 1 = 5. Stage 1: Ada Lovelace 10 (elected, surplus 5), Cara
# Dillon 1, Dev Patel 1, Ben Okri 0. Stage 2: Ada's surplus at 5/10 = 0.50000 a paper: Cara +3 = 4, Ben +2 = 2.
# Stage 3: Dev excluded, his paper goes to Cara: 5, the quota: elected. Elected Ada Lovelace and Cara Dillon.
file(REMOVE "${DB}" "${DB}-wal" "${DB}-shm" "${DB}.codes.csv")
set(rules "${EXAMPLES}/riverside_tmo.toml")

include("${CMAKE_CURRENT_LIST_DIR}/store_step.cmake")

step(open-bad-option 2 "" "rule scottish-stv has no option 'colour'"
     ballot open "${DB}" e1 --title "Committee 2026" --day 2026-06-30 --election
     --candidates "Ada Lovelace, Ben Okri, Cara Dillon, Dev Patel" --seats 2 --set colour=blue
     --constitution "${rules}" --register "${EXAMPLES}/riverside/register.csv")
step(open-rule-and-election 2 "" "--rule excludes --election"
     ballot open "${DB}" e1 --title "Committee 2026" --day 2026-06-30 --election --rule continuation
     --candidates "Ada Lovelace" --constitution "${rules}")
step(open 0 "Opened election e1 \\(Committee 2026, closing 2026-06-30\\) with 72 voters on the roll\\.\n2 seats, counted by scottish-stv\\. The candidates, numbered as papers give them:\n  1 Ada Lovelace\n  2 Ben Okri\n  3 Cara Dillon\n  4 Dev Patel\n"
     "" ballot open "${DB}" e1 --title "Committee 2026" --day 2026-06-30 --election
     --candidates "Ada Lovelace, Ben Okri, Cara Dillon, Dev Patel" --seats 2 --count-rule scottish-stv
     --ties backwards,lot --seed "AGM 2026"
     --constitution "${rules}" --register "${EXAMPLES}/riverside/register.csv")
step(codes 0 "Issued 72 codes for ballot e1" "" ballot codes "${DB}" e1 --output "${DB}.codes.csv")
file(STRINGS "${DB}.codes.csv" lines)
set(papers "1,3" "1,3" "1,3" "1,3" "1,3" "1,3" "1,2" "1,2" "1,2" "1,2" "3,2,4" "4,3")
set(index 0)
foreach(paper IN LISTS papers)
  math(EXPR index "${index} + 1")
  list(GET lines ${index} line)
  string(REGEX REPLACE "^.*," "" code "${line}")
  if(index EQUAL 11)
    step(cast-equal-ranks 2 "" "scottish-stv, which does not allow candidates ranked equal"
         ballot cast "${DB}" e1 "${code}" "3,2=4")
  endif()
  step(cast-${index} 0 "Vote recorded in ballot e1" "" ballot cast "${DB}" e1 "${code}" "${paper}")
endforeach()
# the blank paper: an empty argument, which step() cannot pass through its argument list
list(GET lines 13 line)
string(REGEX REPLACE "^.*," "" code "${line}")
execute_process(COMMAND "${TOOL}" ballot cast "${DB}" e1 "${code}" "" RESULT_VARIABLE status OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT out MATCHES "Vote recorded in ballot e1")
  message(FATAL_ERROR "step cast-blank: exit status ${status}\n--- stdout ---\n${out}\n--- stderr ---\n${err}")
endif()
list(GET lines 1 line)
string(REGEX REPLACE "^.*," "" first "${line}")
step(cast-replay 2 "" "this code has already been used to vote in ballot e1" ballot cast "${DB}" e1 "${first}" "1,3")
list(GET lines 14 line)
string(REGEX REPLACE "^.*," "" unused "${line}")
step(cast-candidate-9 2 "" "a candidate number from 1 to 4" ballot cast "${DB}" e1 "${unused}" "9")
step(turnout 0 "all: 13 of 72 voted" "" ballot turnout "${DB}" e1)
step(close 0 "Closed ballot e1\\. Digest of its cast ballots: d2777428c478545f8cdc35c02326ef9303530e16fdea5844c2858a1279aa4354" "" ballot close "${DB}" e1)
step(count 0 "Seats: 2   Papers: 13   Invalid: 1   Valid vote: 12\\.00000   Quota: 5\\.00000\n.*Ada Lovelace +10\\.00000 +5\\.00000 +5\\.00000  elected\nBen Okri +0\\.00000 +2\\.00000 +2\\.00000\nCara Dillon +1\\.00000 +4\\.00000 +5\\.00000  elected\nDev Patel +1\\.00000 +1\\.00000 +0\\.00000\n.*Elected, in order: Ada Lovelace; Cara Dillon\n.*Digest of the 13 ballots counted: d2777428c478545f8cdc35c02326ef9303530e16fdea5844c2858a1279aa4354" "" ballot count "${DB}" e1)
step(verify 0 "The 13 stored ballots match the published digest d2777428c478545f8cdc35c02326ef9303530e16fdea5844c2858a1279aa4354\\." "" ballot verify "${DB}" e1)
step(records 0 "#1 ballot e1  sha256 [0-9a-f]+\n.*#2 result e1  sha256 .*All 2 journal entries match the stored records\\."
     "" records "${DB}")
