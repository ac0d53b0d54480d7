// The words the keyboard and small-screen aids add (skip link, filters button), in one
// place for the message catalogue.
export const A11Y_TEXT = Object.freeze({
  skip: 'Skip past the schedule',
  end: 'End of the schedule',
  filters: 'Filters',
  // "Filters (2)": how many of the panel's filters are in use.
  filtersWithCount: (count) => (count ? 'Filters (' + count + ')' : 'Filters'),
  filtersPanel: 'Filters'
});
