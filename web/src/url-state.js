// The widget's state in the URL fragment, so a filtered view, a talk or a set of stars
// can be shared as a link: #<key>.q=…&<key>.series=…&<key>.show=past (each widget's
// keys carry its prefix, its element's id), #<key>.starred=a,b and #talk=<id>.
// `location` and `history` are the page's (window.location, window.history).

const SHOW_VALUES = ['upcoming', 'past', 'all'];

export function fragmentParams(location) {
  return new URLSearchParams(location.hash.replace(/^#/, ''));
}

// The query a widget starts with: the fragment's values, else the page's options. A
// link is untrusted: its search is cut at `searchLimit` characters (the engine reads
// no more than that many bytes of it anyway).
export function initialQuery(params, prefix, options, searchLimit = Infinity) {
  const value = (name) => params.get(prefix + '.' + name);
  const query = {
    text: (value('q') || '').slice(0, searchLimit),
    series: value('series') || options.series || '',
    kind: value('kind') || options.kind || '',
    tag: value('tag') || options.tag || '',
    show: value('show') || options.show || 'all'
  };
  if (!SHOW_VALUES.includes(query.show)) query.show = 'all';
  return query;
}

// The talk ids of a shared-stars link, or null when the fragment has none.
export function sharedStars(params, prefix) {
  const shared = params.get(prefix + '.starred');
  return shared ? shared.split(',').filter(Boolean) : null;
}

// The fragment values of a query; empty ones (and show=all) leave the URL.
export function queryFragment(query) {
  return { q: query.text, series: query.series, kind: query.kind, tag: query.tag, show: query.show === 'all' ? '' : query.show };
}

// Sets (or, for empty values, removes) the keys under `prefix` ('' for none), leaving other keys alone.
export function writeFragment(location, history, values, prefix) {
  const params = fragmentParams(location);
  for (const name in values) {
    const key = prefix ? prefix + '.' + name : name;
    if (values[name]) params.set(key, values[name]);
    else params.delete(key);
  }
  const hash = params.toString();
  try {
    history.replaceState(history.state, '', hash ? '#' + hash : location.pathname + location.search);
  } catch {
    // sandboxed frames may refuse: the view still updates
  }
}
