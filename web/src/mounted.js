// The widgets on this page, by host element. A host removed from the page without
// destroy() is destroyed once the removal is seen, so its timer and its schedule in
// the core are released (a page that swaps content in and out would leak both).
export const mounted = new Map();
const seenConnected = new WeakSet();  // a host mounted while detached is left alone until it joins the page
let observer = null;

export function addMounted(host, widget) {
  mounted.set(host, widget);
  if (host.isConnected) seenConnected.add(host);
  // One observer for the page, only while widgets are mounted. Its callback runs after
  // the task that changed the page, so a host moved elsewhere in one go stays.
  if (!observer) {
    observer = new MutationObserver(destroyRemoved);
    observer.observe(document, { childList: true, subtree: true });
  }
}

// Forgets the host's widget (not one mounted on the host since).
export function removeMounted(host, widget) {
  if (mounted.get(host) === widget) mounted.delete(host);
  if (!mounted.size && observer) {
    observer.disconnect();
    observer = null;
  }
}

function destroyRemoved() {
  for (const [host, widget] of mounted) {
    if (host.isConnected) seenConnected.add(host);
    else if (seenConnected.has(host)) widget.destroy();
  }
}
