// What this browser keeps for the visitor (localStorage): the time zone they picked.
// Storage may be disabled or refused (private modes, sandboxed frames): then the
// choice lasts for this page only.

const ZONE_KEY = 'talktime.zone';

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
