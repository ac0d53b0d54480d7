// The RRULE engine (src/formats/ical_recurrence.hpp): rules read from text and
// expanded in wall-clock time.
//
// Every expected list was computed by python3-dateutil 2.9 (an independent
// implementation), not by this code:
//
//   from dateutil.rrule import rrulestr
//   [d.strftime("%Y%m%dT%H%M%S") for d in rrulestr("DTSTART:%s\nRRULE:%s" % (start, rule))]
//
// Several are RFC 5545 3.8.5.3's own examples (WKST, BYWEEKNO, BYSETPOS, Friday the 13th).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "formats/ical_recurrence.hpp"

namespace {

using namespace talktime;
using namespace talktime::detail;

local_seconds reading(const std::string& text) {
  int y, mo, d, h, mi, s;
  std::sscanf(text.c_str(), "%4d%2d%2dT%2d%2d%2d", &y, &mo, &d, &h, &mi, &s);
  return local_seconds{date::sys_days{date::year{y} / mo / d}.time_since_epoch()} + std::chrono::hours{h} +
         std::chrono::minutes{mi} + std::chrono::seconds{s};
}

std::string text(local_seconds r) {
  auto day = date::floor<date::days>(r);
  date::year_month_day ymd{date::sys_days{day.time_since_epoch()}};
  auto of_day = (r - day).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02lld%02lld%02lld", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()), of_day / 3600, of_day / 60 % 60, of_day % 60);
  return buf;
}

// Every start of a rule, stopping after 2100 (the rules here end by COUNT or UNTIL).
std::vector<std::string> expand(const std::string& start, const std::string& rule_text,
                                std::optional<local_seconds> skip_before = std::nullopt) {
  std::string problem;
  auto rule = parse_recurrence_rule(rule_text, problem);
  EXPECT_TRUE(rule) << rule_text << ": " << problem;
  if (!rule) return {};
  std::optional<local_seconds> until;
  if (rule->until) until = rule->until->reading;
  recurrence_iterator it(*rule, reading(start), until, reading("21000101T000000"), skip_before);
  std::vector<std::string> out;
  while (auto r = it.next()) out.push_back(text(*r));
  return out;
}

struct rule_case {
  const char* start;
  const char* rule;
  std::vector<std::string> expected;
};

TEST(RecurrenceRule, ExpandsAsDateutilDoes) {
  const std::vector<rule_case> cases = {
    {"20260105T160000", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1;COUNT=6", {"20260105T160000", "20260202T160000", "20260302T160000", "20260406T160000", "20260504T160000", "20260601T160000"}},
    {"20260130T100000", "FREQ=MONTHLY;BYDAY=-1FR;COUNT=6", {"20260130T100000", "20260227T100000", "20260327T100000", "20260424T100000", "20260529T100000", "20260626T100000"}},
    {"20260131T090000", "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=5", {"20260131T090000", "20260228T090000", "20260331T090000", "20260430T090000", "20260531T090000"}},
    {"20240229T120000", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=3", {"20240229T120000", "20280229T120000", "20320229T120000"}},
    {"19970902T090000", "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=TU,TH;COUNT=8", {"19970902T090000", "19970904T090000", "19970916T090000", "19970918T090000", "19970930T090000", "19971002T090000", "19971014T090000", "19971016T090000"}},
    {"19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", {"19970805T090000", "19970810T090000", "19970819T090000", "19970824T090000"}},
    {"19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", {"19970805T090000", "19970817T090000", "19970819T090000", "19970831T090000"}},
    {"19970512T090000", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;COUNT=3", {"19970512T090000", "19980511T090000", "19990517T090000"}},
    {"19970101T090000", "FREQ=YEARLY;INTERVAL=3;BYYEARDAY=1,100,200;COUNT=6", {"19970101T090000", "19970410T090000", "19970719T090000", "20000101T090000", "20000409T090000", "20000718T090000"}},
    {"19970904T090000", "FREQ=MONTHLY;BYDAY=TU,WE,TH;BYSETPOS=3;COUNT=3", {"19970904T090000", "19971007T090000", "19971106T090000"}},
    {"19980213T090000", "FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR;COUNT=4", {"19980213T090000", "19980313T090000", "19981113T090000", "19990813T090000"}},
    {"19970519T090000", "FREQ=YEARLY;BYDAY=20MO;COUNT=3", {"19970519T090000", "19980518T090000", "19990517T090000"}},
    {"20260131T090000", "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4", {"20260131T090000", "20260331T090000", "20260531T090000", "20260731T090000"}},
    {"20260101T090000", "FREQ=DAILY;INTERVAL=10;BYMONTH=1,3;COUNT=7", {"20260101T090000", "20260111T090000", "20260121T090000", "20260131T090000", "20260302T090000", "20260312T090000", "20260322T090000"}},
    {"19970902T090000", "FREQ=DAILY;UNTIL=19970907T000000;BYHOUR=9,17", {"19970902T090000", "19970902T170000", "19970903T090000", "19970903T170000", "19970904T090000", "19970904T170000", "19970905T090000", "19970905T170000", "19970906T090000", "19970906T170000"}},
  };
  for (const auto& c : cases) EXPECT_EQ(expand(c.start, c.rule), c.expected) << c.start << " " << c.rule;
}

// RFC 5545 leaves a DTSTART out of step with its rule undefined; dateutil and
// ical.js leave it out (dateutil: 20260121, 20260318, 20260520, 20260722).
TEST(RecurrenceRule, LeavesOutAStartTheRuleDoesNotGive) {
  EXPECT_EQ(expand("20260105T160000", "FREQ=MONTHLY;INTERVAL=2;BYDAY=-2WE;COUNT=4"),
            (std::vector<std::string>{"20260121T160000", "20260318T160000", "20260520T160000", "20260722T160000"}));
}

// Without COUNT, periods before the window are stepped over: the same starts.
// dateutil: 214 starts in all; from 2025-12-25 on: 20251229, 20260101, 20260119,
// 20260122, 20260209, 20260212 (16:00).
TEST(RecurrenceRule, SkipsPeriodsBeforeTheWindowWithoutChangingTheStarts) {
  const char* rule = "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH;UNTIL=20260301T000000Z";
  auto all = expand("20200106T160000", rule);
  auto skipped = expand("20200106T160000", rule, reading("20260101T000000"));
  EXPECT_EQ(all.size(), 214u);
  const std::vector<std::string> tail = {"20251229T160000", "20260101T160000", "20260119T160000",
                                         "20260122T160000", "20260209T160000", "20260212T160000"};
  EXPECT_EQ(std::vector<std::string>(all.end() - 6, all.end()), tail);
  std::vector<std::string> skipped_tail;
  for (const auto& s : skipped)
    if (s >= "20251225") skipped_tail.push_back(s);
  EXPECT_EQ(skipped_tail, tail);
  EXPECT_LE(skipped.size(), 10u);  // two periods (four starts) before the window are kept to be safe
}

// A rule that never matches (30 February) ends at stop_after instead of running forever.
TEST(RecurrenceRule, EndsARuleThatNeverMatches) {
  EXPECT_TRUE(expand("20260130T090000", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30").empty());
}

TEST(RecurrenceRule, RejectsWhatItDoesNotExpand) {
  std::string problem;
  EXPECT_FALSE(parse_recurrence_rule("FREQ=HOURLY;COUNT=3", problem));
  EXPECT_EQ(problem, "FREQ=HOURLY is not supported (talktime expands DAILY, WEEKLY, MONTHLY and YEARLY rules)");
  EXPECT_FALSE(parse_recurrence_rule("BYDAY=MO", problem));
  EXPECT_EQ(problem, "has no FREQ");
  EXPECT_FALSE(parse_recurrence_rule("FREQ=DAILY;COUNT=2;UNTIL=20260101", problem));
  EXPECT_EQ(problem, "has both COUNT and UNTIL, which RFC 5545 does not allow");
  EXPECT_FALSE(parse_recurrence_rule("FREQ=MONTHLY;BYMONTHDAY=0", problem));
  EXPECT_EQ(problem, "has \"BYMONTHDAY=0\", which is not RFC 5545");
  EXPECT_FALSE(parse_recurrence_rule("FREQ=WEEKLY;BYDAY=XX", problem));
  EXPECT_FALSE(parse_recurrence_rule("FREQ=WEEKLY;SOMETHING=1", problem));
  EXPECT_EQ(problem, "has an unknown part \"SOMETHING\"");
  EXPECT_TRUE(parse_recurrence_rule("freq=weekly;byday=th;x-google=1", problem));
}

TEST(RecurrenceRule, ReadsEveryPart) {
  std::string problem;
  auto rule = parse_recurrence_rule("FREQ=YEARLY;INTERVAL=2;COUNT=1000000000;BYMONTH=1,12;BYDAY=1MO,-1FR,TU;WKST=SU", problem);
  ASSERT_TRUE(rule) << problem;
  EXPECT_EQ(rule->frequency, recurrence_frequency::yearly);
  EXPECT_EQ(rule->interval, 2);
  EXPECT_EQ(*rule->count, 1000000000u);
  EXPECT_EQ(rule->by_month, (std::vector<int>{1, 12}));
  EXPECT_EQ(rule->by_day, (std::vector<weekday_item>{{1, 1}, {-1, 5}, {0, 2}}));
  EXPECT_EQ(rule->week_start, 0u);
  auto until = parse_recurrence_rule("FREQ=WEEKLY;UNTIL=20260528T235959Z", problem);
  ASSERT_TRUE(until);
  EXPECT_EQ(until->until->kind, recurrence_until::utc);
  EXPECT_EQ(text(until->until->reading), "20260528T235959");
}

}  // namespace
