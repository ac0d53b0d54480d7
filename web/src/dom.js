// Small DOM helpers for the widget's views, and the stylesheet every shadow root adopts.
import stylesheet from '../talktime.css';

let sharedSheet = null;

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// A <button type="button">: inside a host page's <form> it must never submit it.
export function button(className, text) {
  const node = element('button', className, text);
  node.type = 'button';
  return node;
}

// The widget's shadow root. Elements such as <ul> or <table> cannot host one: they get
// a child <div class="talktime-host"> that does (returned as `inner`, removed on destroy),
// put first, so an error box comes before the host's own content.
export function attachRoot(host) {
  let inner = null;
  let root;
  try {
    root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  } catch {
    inner = element('div', 'talktime-host');
    host.insertBefore(inner, host.firstChild);
    root = inner.attachShadow({ mode: 'open' });
  }
  adoptStyles(root);
  return { root, inner };
}

// One constructable stylesheet shared by every widget: no inline <style>, so a strict
// style-src policy is fine. Browsers without constructable sheets get a <style>.
function adoptStyles(shadow) {
  const constructable = shadow.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype;
  if (!constructable) {
    shadow.appendChild(element('style', '', stylesheet));
    return;
  }
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(stylesheet);
  }
  shadow.adoptedStyleSheets = [sharedSheet];
}

// Offers `text` as a file download (a Blob URL: allowed under a strict CSP).
export function download(root, filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = element('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
