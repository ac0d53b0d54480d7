#!/usr/bin/env python3
"""Prints the expected values of tests/unit/calendar_test.cpp (IcsWriter.WritesTheWholeCalendar
and the CalendarLinks tests), computed without talktime: instants with zoneinfo, RFC 5545
escaping and folding and RFC 3986 percent-encoding (urllib.parse.quote) written here afresh."""
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
from urllib.parse import quote
import json, pathlib
VERSION=json.loads((pathlib.Path(__file__).parents[2]/"package.json").read_text())["version"]
def z(local, zone="Europe/Berlin"):
    return datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
def esc(s):
    return s.replace("\\","\\\\").replace(";","\\;").replace(",","\\,").replace("\n","\\n")
def fold(line):
    b=line.encode(); out=[]; limit=75
    while len(b)>limit:
        cut=limit
        while (b[cut]&0xC0)==0x80: cut-=1
        out.append(b[:cut]); b=b[cut:]; limit=74
    out.append(b)
    return b"\r\n ".join(out).decode()+"\r\n"
url="https://Talks.Example.org:8443/kolloquium/?lang=en"
desc1="Speaker: Ada Müller (TU Wien)\n\nLine one\nLine two; with a semicolon, and a comma \\ backslash\n\nLivestream: https://stream.example.org/k1\nSlides: https://Talks.Example.org:8443/kolloquium/slides/k1.pdf"
lines=["BEGIN:VCALENDAR","VERSION:2.0","PRODID:-//talktime//talktime "+VERSION+"//EN","CALSCALE:GREGORIAN","METHOD:PUBLISH",
"X-WR-CALNAME:"+esc("Kolloquium; Winter, 2024"),
"BEGIN:VEVENT","UID:k1.b9f0eb4b27a20337@talks.example.org","DTSTAMP:20240105T083000Z",
"DTSTART:"+z("2024-01-17T16:15"),"DTEND:"+z("2024-01-17T17:45"),
"SUMMARY:"+esc("Große Zahlen, kleine Beweise"),"DESCRIPTION:"+esc(desc1),
'LOCATION;ALTREP="https://talks.example.org/map":'+esc("Hörsaal 1"),
"URL:"+url+"#talk=k1","STATUS:CONFIRMED","CATEGORIES:number theory,"+esc("a,b"),
"CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Livestream:https://stream.example.org/k1","END:VEVENT",
"BEGIN:VEVENT","UID:k2.b9f0eb4b27a20337@talks.example.org","DTSTAMP:20240105T083000Z","DTSTART:"+z("2024-02-01T10:00"),
"SUMMARY:Postponed talk","DESCRIPTION:"+esc("Postponed: the new date has not been announced yet."),
"URL:"+url+"#talk=k2","STATUS:TENTATIVE","END:VEVENT",
"BEGIN:VEVENT","UID:k3.b9f0eb4b27a20337@talks.example.org","DTSTAMP:20240105T083000Z","DTSTART;VALUE=DATE:20240304","DTEND;VALUE=DATE:20240307",
"SUMMARY:Retreat","URL:"+url+"#talk=k3","STATUS:CONFIRMED","END:VEVENT","END:VCALENDAR"]
ics="".join(fold(l) for l in lines)
def cpp(s):
    out=[]
    for l in s.split("\r\n")[:-1]:
        out.append('"'+l.replace("\\","\\\\").replace('"','\\"')+'\\r\\n"')
    return "\n".join(out)
print(cpp(ics))
q=lambda s: quote(s, safe='')
g=("https://calendar.google.com/calendar/render?action=TEMPLATE&text="+q("Große Zahlen, kleine Beweise")+
   "&dates="+z("2024-01-17T16:15")+"/"+z("2024-01-17T17:45")+"&details="+q(desc1+"\n\n"+url+"#talk=k1")+"&location="+q("Hörsaal 1"))
# Outlook on the web's compose form: path and rru first, then the fields; times in UTC with
# their colons as they are (a query may hold ":"), an end always (the start when the talk has none).
def outlook(host, query):
    return "https://"+host+"/calendar/0/action/compose?path=/calendar/action/compose&rru=addevent&"+query
o=("subject="+q("Große Zahlen, kleine Beweise")+"&startdt=2024-01-17T15:15:00Z&enddt=2024-01-17T16:45:00Z"+
   "&body="+q(desc1+"\n\n"+url+"#talk=k1")+"&location="+q("Hörsaal 1"))
print(g); print(outlook("outlook.live.com", o)); print(outlook("outlook.office.com", o))
print("https://calendar.google.com/calendar/render?action=TEMPLATE&text=Retreat&dates=20240304/20240307&details="+q(url+"#talk=k3"))
print(outlook("outlook.live.com", "subject=Retreat&startdt=2024-03-04&enddt=2024-03-07&allday=true&body="+q(url+"#talk=k3")))
print("https://calendar.google.com/calendar/render?action=TEMPLATE&text="+q("Postponed talk")+"&dates="+z("2024-02-01T10:00")+"/"+z("2024-02-01T10:00")+"&details="+q("Postponed: the new date has not been announced yet.\n\n"+url+"#talk=k2"))
print(outlook("outlook.live.com", "subject="+q("Postponed talk")+"&startdt=2024-02-01T09:00:00Z&enddt=2024-02-01T09:00:00Z&body="+q("Postponed: the new date has not been announced yet.\n\n"+url+"#talk=k2")))
# A place with an address: its name, then the address, in every link.
print(outlook("outlook.office.com", "subject=A&startdt=2024-05-02T09:00:00Z&enddt=2024-05-02T09:00:00Z&location="+q("Gates 104, 353 Jane Stanford Way, Stanford, CA, 94305, US")))
