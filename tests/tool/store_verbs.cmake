# Conducts Riverside's continuation ballot with the tmo tool's ballot verbs on a fresh database, up to and including
# the verb LAST, checking each step's exit status and output:
#   cmake -DTOOL=<tmo> -DEXAMPLES=<examples/data> -DDB=<database file> -DLAST=<verb> -P store_verbs.cmake
# The steps: open (72 voters on the roll at 2026-03-20), codes (72 codes), cast (the first long leaseholder votes for,
# the second against; a replay is refused), turnout (2 of 16 long leaseholders), close (a digest), count (1 of 2
# votes cast is not more than 1/2: exit 1), verify (2 stored ballots match the digest), records (2 journal entries).
file(REMOVE "${DB}" "${DB}-wal" "${DB}-shm" "${DB}.codes.csv")
set(rules "${EXAMPLES}/riverside_tmo.toml")

include("${CMAKE_CURRENT_LIST_DIR}/store_step.cmake")

step(open 0 "Opened ballot c1 \\(Should Riverside TMO continue\\?, closing 2026-03-20\\) with 72 voters on the roll" ""
     ballot open "${DB}" c1 --title "Should Riverside TMO continue?" --day 2026-03-20 --rule continuation
     --constitution "${rules}" --register "${EXAMPLES}/riverside/register.csv")
step(open-again 2 "" "a ballot \"c1\" already exists"
     ballot open "${DB}" c1 --title "x" --day 2026-03-20 --rule continuation --constitution "${rules}")
if(LAST STREQUAL "open")
  return()
endif()

step(codes 0 "Issued 72 codes for ballot c1" "" ballot codes "${DB}" c1 --output "${DB}.codes.csv")
step(codes-again 2 "" "have already been issued" ballot codes "${DB}" c1)
file(STRINGS "${DB}.codes.csv" lines)
list(GET lines 1 first)
list(GET lines 2 second)
if(NOT first MATCHES "^R001,long_leaseholder,([2-9A-HJKMNP-Z][2-9A-HJKMNP-Z][2-9A-HJKMNP-Z][2-9A-HJKMNP-Z]-.*)$")
  message(FATAL_ERROR "step codes: the first line is ${first}")
endif()
set(code1 "${CMAKE_MATCH_1}")
string(REGEX REPLACE "^.*," "" code2 "${second}")
if(LAST STREQUAL "codes")
  return()
endif()

step(cast 0 "Vote recorded in ballot c1" "" ballot cast "${DB}" c1 "${code1}" for)
step(cast-replay 2 "" "this code has already been used to vote in ballot c1" ballot cast "${DB}" c1 "${code1}" for)
step(cast-unknown 2 "" "no voter of ballot c1 holds this code" ballot cast "${DB}" c1 2222-3333-4444-5555 for)
step(cast-second 0 "Vote recorded" "" ballot cast "${DB}" c1 "${code2}" against)
if(LAST STREQUAL "cast")
  return()
endif()

step(turnout 0 "long_leaseholder: 2 of 16 voted \\(12\\.5%\\).*all: 2 of 72 voted \\(2\\.8%\\)" ""
     ballot turnout "${DB}" c1)
if(LAST STREQUAL "turnout")
  return()
endif()

step(count-open 2 "" "still open" ballot count "${DB}" c1 --constitution "${rules}")
step(close 0 "Closed ballot c1\\. Digest of its cast ballots: [0-9a-f]+" "" ballot close "${DB}" c1)
string(REGEX MATCH "[0-9a-f][0-9a-f][0-9a-f][0-9a-f]+" digest "${last_out}")
step(cast-closed 2 "" "ballot c1 is closed: no more votes are accepted" ballot cast "${DB}" c1 "${code2}" for)
if(LAST STREQUAL "close")
  return()
endif()

step(count 1 "Not carried: 1 of 2 votes cast \\(50\\.0%\\) against a required more than 1/2\\..*Digest of the 2 ballots counted: ${digest}"
     "" ballot count "${DB}" c1 --constitution "${rules}")
if(LAST STREQUAL "count")
  return()
endif()

step(verify 0 "long_leaseholder\tagainst\nlong_leaseholder\tfor\nThe 2 stored ballots match the published digest ${digest}\\."
     "" ballot verify "${DB}" c1)
if(LAST STREQUAL "verify")
  return()
endif()

step(records 0 "#1 ballot c1  sha256 [0-9a-f]+\n.*#2 result c1  sha256 .*All 2 journal entries match the stored records\\."
     "" records "${DB}")
