#include "common/url.hpp"

#include "common/text.hpp"

#include <cctype>
#include <cstdint>

namespace talktime::detail {
namespace {

// The scheme of an absolute URL ("" for a relative one).
std::string scheme_of(std::string_view url) {
  for (std::size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return i == 0 ? std::string(":") : ascii_lower(url.substr(0, i));
    bool ok = std::isalpha(static_cast<unsigned char>(c)) ||
              (i > 0 && (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'));
    if (!ok) return {};
  }
  return {};
}

// Removes "." and ".." segments from an absolute path.
std::string remove_dot_segments(std::string_view path) {
  std::string out;
  while (!path.empty()) {
    auto next = path.find('/', 1);
    auto segment = path.substr(0, next);
    path = next == std::string_view::npos ? std::string_view{} : path.substr(next);
    if (segment == "/.") {
      if (path.empty()) out += '/';
    } else if (segment == "/..") {
      auto cut = out.rfind('/');
      out.resize(cut == std::string::npos ? 0 : cut);
      if (path.empty()) out += '/';
    } else {
      out.append(segment);
    }
  }
  return out.empty() ? "/" : out;
}

std::string resolve(std::string_view ref, std::string_view base) {
  auto scheme_end = base.find("://");
  std::string_view scheme = base.substr(0, scheme_end + 1);  // "https:"
  auto authority_end = base.find_first_of("/?#", scheme_end + 3);
  std::string_view origin = base.substr(0, authority_end);  // "https://host"
  std::string_view base_path =
      authority_end == std::string_view::npos ? std::string_view("/") : base.substr(authority_end);
  base_path = base_path.substr(0, base_path.find_first_of("?#"));
  if (base_path.empty()) base_path = "/";

  if (ref.substr(0, 2) == "//") return std::string(scheme) + std::string(ref);
  if (!ref.empty() && ref.front() == '/') {
    auto path_end = ref.find_first_of("?#");
    return std::string(origin) + remove_dot_segments(ref.substr(0, path_end)) +
           std::string(path_end == std::string_view::npos ? "" : ref.substr(path_end));
  }
  if (!ref.empty() && ref.front() == '#') return std::string(base.substr(0, base.find('#'))) + std::string(ref);
  if (!ref.empty() && ref.front() == '?') return std::string(origin) + std::string(base_path) + std::string(ref);
  std::string dir(base_path.substr(0, base_path.rfind('/') + 1));
  auto path_end = ref.find_first_of("?#");
  return std::string(origin) + remove_dot_segments(dir + std::string(ref.substr(0, path_end))) +
         std::string(path_end == std::string_view::npos ? "" : ref.substr(path_end));
}

// One label of a host name: letters, digits and hyphens (and UTF-8 bytes, for
// international names), not beginning or ending with a hyphen.
bool host_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
  for (char c : label)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && std::uint8_t(c) < 0x80) return false;
  return true;
}

// "nymtech.net", "www.example.org/x", "example.org:8080": two or more labels, the
// last one letters only (a top-level domain), an optional numeric port, then a path.
bool reads_as_host(std::string_view url) {
  auto host = url.substr(0, url.find_first_of("/?#"));
  if (auto colon = host.find(':'); colon != std::string_view::npos) {
    auto port = host.substr(colon + 1);
    if (port.empty() || port.size() > 5) return false;
    for (char c : port)
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    host = host.substr(0, colon);
  }
  std::size_t labels = 0;
  std::string_view last;
  while (true) {
    auto dot = host.find('.');
    last = host.substr(0, dot);
    if (!host_label(last)) return false;
    ++labels;
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  if (labels < 2 || last.size() < 2) return false;
  for (char c : last)
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  return true;
}

// "seminar@example.org": one "@", a host after it, no path.
bool reads_as_email(std::string_view url) {
  auto at = url.find('@');
  if (at == 0 || at == std::string_view::npos || url.find_first_of("/?#:@ ", at + 1) != std::string_view::npos) return false;
  if (url.substr(0, at).find_first_of("/?#: ") != std::string_view::npos) return false;
  return reads_as_host(url.substr(at + 1));
}

// A link without a scheme: a host name or an e-mail address made absolute (with a
// problem), any other relative URL resolved against an http(s) base, or dropped.
url_check without_scheme(const std::string& url, std::string_view base) {
  url_check out;
  std::string base_scheme = scheme_of(base);
  bool has_base = base_scheme == "http" || base_scheme == "https";
  bool explicit_relative = url.front() == '/' || url.front() == '.' || url.front() == '?' || url.front() == '#';
  if (!explicit_relative && reads_as_host(url)) {
    out.url = "https://" + url;
  } else if (!explicit_relative && reads_as_email(url)) {
    out.url = "mailto:" + url;
  } else if (has_base) {
    out.url = resolve(url, base);
    return out;
  } else if (url.compare(0, 2, "//") == 0 && reads_as_host(url.substr(2))) {
    out.url = "https:" + url;
  } else {
    out.without_scheme = true;
    out.problem = "it has no scheme, and the feed has no \"url\" to resolve it against";
    return out;
  }
  out.without_scheme = true;
  out.problem = "has no scheme; read as \"" + *out.url + "\"";
  return out;
}

}  // namespace

url_check check_url(std::string_view raw, std::string_view base) {
  url_check out;
  // As the URL Standard: trim C0 controls and spaces, drop tabs and newlines anywhere.
  std::string url;
  for (char c : raw)
    if (c != '\t' && c != '\n' && c != '\r') url.push_back(c);
  while (!url.empty() && std::uint8_t(url.front()) <= 0x20) url.erase(url.begin());
  while (!url.empty() && std::uint8_t(url.back()) <= 0x20) url.pop_back();
  for (char c : url) {
    if (std::uint8_t(c) < 0x20 || c == 0x7F) {
      out.problem = "it contains control characters";
      return out;
    }
  }
  if (url.empty()) {
    out.problem = "it is empty";
    return out;
  }
  // Backslashes count as slashes in browsers' http(s) URLs; treat them the same here.
  for (auto& c : url)
    if (c == '\\') c = '/';

  // "example.org:8080/x" reads as a scheme "example.org" to a URL parser; it is a host.
  auto scheme = reads_as_host(url) ? std::string() : scheme_of(url);
  if (!scheme.empty()) {
    if (scheme == "http" || scheme == "https" || scheme == "mailto") {
      if (scheme != "mailto" && url.compare(scheme.size(), 3, "://") != 0) {
        out.problem = "a web address needs \"" + scheme + "://\"";
        return out;
      }
      out.url = url;
      return out;
    }
    out.problem = "only http:, https: and mailto: links are allowed";
    return out;
  }
  return without_scheme(url, base);
}

std::optional<std::string> safe_url(std::string_view raw, std::string_view base, std::string& why) {
  auto checked = check_url(raw, base);
  if (!checked.url) why = checked.problem;
  return checked.url;
}

namespace {
constexpr std::string_view known_link_kinds[] = {"livestream", "video", "slides", "registration",
                                                 "paper",      "code",  "recording", "website"};
}  // namespace

bool is_known_link_kind(std::string_view kind) {
  for (auto k : known_link_kinds)
    if (kind == k) return true;
  return false;
}

std::string canonical_link_kind(std::string_view kind) {
  kind = trim(kind);
  auto lower = ascii_lower(kind);
  return is_known_link_kind(lower) ? lower : std::string(kind);
}

std::string percent_encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    auto c = std::uint8_t(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~';
    if (keep) {
      out.push_back(ch);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}


std::string url_host(std::string_view url) {
  std::size_t skip = starts_with_ascii_nocase(url, "https://") ? 8 : starts_with_ascii_nocase(url, "http://") ? 7 : 0;
  if (skip == 0) return {};
  auto authority = url.substr(skip, url.find_first_of("/?#", skip) - skip);
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (!authority.empty() && authority.front() == '[') {
    authority = authority.substr(0, authority.find(']') + 1);
  } else if (auto colon = authority.find(':'); colon != std::string_view::npos) {
    authority = authority.substr(0, colon);
  }
  return ascii_lower(authority);
}

}  // namespace talktime::detail
