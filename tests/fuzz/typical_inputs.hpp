// Realistic inputs of a given size, the yardstick of the linear-time property
// (fuzz_support.hpp, linear_time_bound): talks with the fields organisers fill in,
// as a talktime feed, an iCalendar file and a frab schedule.
#pragma once

#include <cstddef>
#include <string>

namespace talktime::fuzz {

/// A talktime feed of about `bytes` bytes: talks of a seminar series over many days.
inline std::string typical_feed(std::size_t bytes) {
  std::string text = R"({"talktime":1,"title":"Systems Seminar","timezone":"America/Los_Angeles",)"
                     R"("series":[{"id":"mlsys","title":"ML Systems"}],"talks":[)";
  for (int i = 0; text.size() < bytes; ++i) {
    auto n = std::to_string(i);
    auto day = std::to_string(10 + i % 18);
    text += std::string(i ? "," : "") + R"({"id":"t)" + n + R"(","title":"Scaling attention )" + n +
            R"(","start":"2024-05-)" + day + R"(T15:30","end":"2024-05-)" + day +
            R"(T16:30","speakers":[{"name":"Ada Lovelace","affiliation":"Analytical Engines"}],)"
            R"("abstract":"How we trained a model on many accelerators, and what broke.","series":"mlsys",)"
            R"("kind":"talk","tags":["systems","ml"],"location":"Gates 104","links":{"video":"https://example.org/v/)" +
            n + "\"}}";
  }
  return text + "]}";
}

/// An iCalendar file of about `bytes` bytes: events with the properties calendars write.
inline std::string typical_calendar(std::size_t bytes) {
  std::string text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Seminar//EN\r\nX-WR-CALNAME:Systems Seminar\r\n";
  for (int i = 0; text.size() < bytes; ++i) {
    auto n = std::to_string(i);
    auto day = std::to_string(10 + i % 18);
    text += "BEGIN:VEVENT\r\nUID:talk-" + n + "@example.org\r\nDTSTAMP:20240501T000000Z\r\nSUMMARY:Scaling attention " + n +
            "\r\nDTSTART;TZID=America/Los_Angeles:202405" + day + "T153000\r\nDTEND;TZID=America/Los_Angeles:202405" + day +
            "T163000\r\nLOCATION:Gates 104\r\nDESCRIPTION:How we trained a model on many accelerators\\, and what broke.\r\n"
            "CATEGORIES:systems,ml\r\nURL:https://example.org/t/" + n + "\r\nEND:VEVENT\r\n";
  }
  return text + "END:VCALENDAR\r\n";
}

/// A frab schedule.json of about `bytes` bytes: one day, one room, many events.
inline std::string typical_frab(std::size_t bytes) {
  std::string text = R"({"schedule":{"version":"1","conference":{"acronym":"sem","title":"Systems Seminar",)"
                     R"("start":"2024-05-10","end":"2024-05-10","days":1,"time_zone_name":"Europe/Berlin",)"
                     R"("days":[{"index":1,"date":"2024-05-10","rooms":{"Hall A":[)";
  for (int i = 0; text.size() < bytes; ++i) {
    auto n = std::to_string(i);
    text += std::string(i ? "," : "") + R"({"id":)" + n + R"(,"guid":"00000000-0000-4000-8000-)" +
            std::string(12 - std::min<std::size_t>(12, n.size()), '0') + n +
            R"(","date":"2024-05-10T10:00:00+02:00","start":"10:00","duration":"00:30","room":"Hall A",)"
            R"("slug":"sem-)" + n + R"(","title":"Scaling attention )" + n +
            R"(","subtitle":"","track":"Systems","type":"talk","language":"en",)"
            R"("abstract":"How we trained a model on many accelerators.","description":"",)"
            R"("persons":[{"public_name":"Ada Lovelace"}],"links":[]})";
  }
  return text + "]}}]}}}";
}

}  // namespace talktime::fuzz
