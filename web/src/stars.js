// The talks a visitor starred, kept in this browser per feed (localStorage under
// "talktime.stars:<feed URL>"), so starring needs no account. `storage` is
// window.localStorage, or null where the browser refuses it: then stars last for
// this page only.

// The feed's stars as a Set; a shared link's ids (#<key>.starred=a,b), when given,
// join them and the set is saved.
export function loadStars(storage, feedId, shared = null) {
  let stars;
  try {
    stars = new Set(JSON.parse(storage.getItem('talktime.stars:' + feedId) || '[]'));
  } catch {
    stars = new Set();
  }
  if (shared) {
    for (const id of shared) stars.add(id);
    saveStars(storage, feedId, stars);
  }
  return stars;
}

export function saveStars(storage, feedId, stars) {
  try {
    storage.setItem('talktime.stars:' + feedId, JSON.stringify(Array.from(stars)));
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
