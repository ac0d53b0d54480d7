// What this browser keeps for the visitor (localStorage): the time zone they picked
// in the zone picker, for every talktime on the site ("talktime.zone"), and, per feed,
// that they chose the event's own time ("talktime.eventTime:<feed URL>"), which no
// other feed follows. Storage may be disabled or refused (private modes, sandboxed
// frames): then the choice lasts for this page only.

const ZONE_KEY = 'talktime.zone';
const eventTimeKey = (feedId) => 'talktime.eventTime:' + feedId;

// window.localStorage, or null where the browser refuses it.
export function browserStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function rememberedZone(storage) {
  try {
    return storage.getItem(ZONE_KEY);
  } catch {
    return null;
  }
}

// Remembers `name`, or forgets the choice when it is empty.
export function rememberZone(storage, name) {
  try {
    if (name) storage.setItem(ZONE_KEY, name);
    else storage.removeItem(ZONE_KEY);
  } catch {
    // the choice lasts for this page only
  }
}

// Whether the visitor chose "Event time" for this feed.
export function eventTimeChosen(storage, feedId) {
  try {
    return storage.getItem(eventTimeKey(feedId)) === '1';
  } catch {
    return false;
  }
}

// Remembers (or forgets) "Event time" for this feed alone.
export function rememberEventTime(storage, feedId, chosen) {
  try {
    if (chosen) storage.setItem(eventTimeKey(feedId), '1');
    else storage.removeItem(eventTimeKey(feedId));
  } catch {
    // the choice lasts for this page only
  }
}
