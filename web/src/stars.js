// The talks a visitor starred, kept in this browser per feed (localStorage under
// "talktime.stars:<feed URL>"), so starring needs no account. `storage` is
// window.localStorage, or null where the browser refuses it: then stars last for
// this page only.
//
// A shared link (#<key>.starred=a,b) is untrusted: its ids are shown as "shared
// picks" for this page only and reach storage only when the visitor adds them.

// A link may list any number of ids: the first 1000 usable ones are taken, the
// rest ignored, so a huge link costs what 1000 ids do.
export const MAX_SHARED_IDS = 1000;
// A longer id is no talk anyone would share; it is ignored.
export const MAX_ID_LENGTH = 200;
// The stored set is bounded too: past this many, the oldest stars are dropped.
export const MAX_STARS = 1000;

const storageKey = (feedId) => 'talktime.stars:' + feedId;

// The feed's stars as a Set, oldest first (at most the newest MAX_STARS). Reading
// never writes: an over-long set from an older version is trimmed at the next save.
export function loadStars(storage, feedId) {
  let saved;
  try {
    saved = JSON.parse(storage.getItem(storageKey(feedId)) || '[]');
  } catch {
    saved = [];
  }
  const ids = Array.isArray(saved) ? saved.filter((id) => typeof id === 'string') : [];
  return new Set(ids.slice(-MAX_STARS));
}

// Saves the set, first dropping its oldest stars beyond MAX_STARS (from the set
// itself, so the page shows what is stored).
export function saveStars(storage, feedId, stars) {
  for (const id of stars) {
    if (stars.size <= MAX_STARS) break;
    stars.delete(id);
  }
  try {
    storage.setItem(storageKey(feedId), JSON.stringify(Array.from(stars)));
  } catch {
    // stars last for this page only
  }
}

// Stars or unstars a talk and saves the set; true when it is now starred.
export function toggleStar(storage, feedId, stars, id) {
  const starred = !stars.has(id);
  if (starred) stars.add(id);
  else stars.delete(id);
  saveStars(storage, feedId, stars);
  return starred;
}

// Adds talks to the visitor's stars and saves them once (the visitor asked for it:
// "Add them to my stars").
export function addStars(storage, feedId, stars, ids) {
  for (const id of ids) stars.add(id);
  saveStars(storage, feedId, stars);
}

// The ids a link shares, as far as they are taken: the first MAX_SHARED_IDS distinct
// non-empty ids of at most MAX_ID_LENGTH characters, in the link's order.
export function sharedPicks(ids) {
  const picks = new Set();
  for (const id of ids) {
    if (picks.size === MAX_SHARED_IDS) break;
    if (id && id.length <= MAX_ID_LENGTH) picks.add(id);
  }
  return Array.from(picks);
}
