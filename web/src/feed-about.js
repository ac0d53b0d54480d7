// What the feed says about itself, shown above the talks: its description under the
// title, and a series' description when the list is filtered to that series (unfiltered,
// every described series behind "About the series"). Also the count
// line, which counts breaks apart from talks. Feed text is set as text, never markup.
import { element } from './dom.js';

// Plain text as paragraphs: a blank line separates them, as in the feed format.
function paragraphs(container, text) {
  for (const part of text.split(/\n\s*\n/)) {
    const trimmed = part.trim();
    if (trimmed) container.appendChild(element('p', '', trimmed));
  }
  return container;
}

// "9 talks", "0 talks, 1 break": breaks are listed but are not talks, so a search
// that finds only the lunch says so instead of "0 talks" above it.
// t: the widget's translator (web/src/i18n/).
export function countText(view, t) {
  const breaks = Math.max(0, view.matched - view.count);
  const talks = t('list.talkCount', { count: view.count });
  return breaks ? t('list.talksAndBreaks', { talks, breaks: t('list.breakCount', { count: breaks }) }) : talks;
}

// meta: the core's feed meta ({description, series: [{id, title}], seriesDescriptions: {id: text}}).
// Returns {nodes, current, show(seriesId)}: nodes go under the title, current (the
// filtered series' description) just above the talks; show() follows the series filter.
export function createFeedAbout(meta, t) {
  const nodes = [];
  if (meta.description) nodes.push(paragraphs(element('div', 'tt-feed-description'), meta.description));
  const described = (meta.series || []).filter((s) => (meta.seriesDescriptions || {})[s.id]);
  let all = null;
  if (described.length) {
    all = element('details', 'tt-series-about');
    all.appendChild(element('summary', '', t('about.series')));
    for (const series of described) {
      all.appendChild(element('p', 'tt-series-name', series.title));
      paragraphs(all, meta.seriesDescriptions[series.id]);
    }
    nodes.push(all);
  }
  const current = element('div', 'tt-series-description');
  current.hidden = true;
  return {
    nodes,
    current,
    show(seriesId) {
      const series = described.find((s) => s.id === seriesId);
      current.hidden = !series;
      if (all) all.hidden = !!series;
      if (!series || current.dataset.series === series.id) return;
      current.dataset.series = series.id;
      current.replaceChildren(element('p', 'tt-series-name', series.title));
      paragraphs(current, meta.seriesDescriptions[series.id]);
    }
  };
}
