/*
 * "What's new": the public site's embeddable changelog widget, served at
 * /widget.js. A product page includes it with one tag:
 *
 *   <script src="https://changelog.example.com/widget.js" defer></script>
 *
 * It reads the site's JSON Feed (changelog/feed.json, next to this script),
 * shows the newest entries in a popover, and badges the button with the
 * number of entries published since the reader last opened it (kept in
 * localStorage). Buttons marked data-whats-new open it; without one, it adds
 * its own in the corner. No dependencies; everything lives in a shadow root
 * so the host page's styles and this widget's cannot affect each other.
 * Feed text is only ever set as textContent: the feed is data, never markup.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL('./', script.src);
  var feedUrl = new URL('changelog/feed.json', base).href;
  var changelogUrl = new URL('changelog/', base).href;
  var KEY = 'shiplog-whats-new:' + feedUrl;
  var SHOWN = 5;
  var items = [];
  var failed = false;
  var lastFocus = null;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var name in attrs) node.setAttribute(name, attrs[name]);
    if (text) node.textContent = text;
    return node;
  }
  function seen() {
    try { return localStorage.getItem(KEY) || ''; } catch (e) { return ''; }
  }
  function markSeen() {
    var newest = items[0] && items[0].date_published;
    try { if (newest) localStorage.setItem(KEY, newest); } catch (e) { /* storage blocked: the badge just stays */ }
  }
  function unread() {
    var since = seen();
    return items.filter(function (item) { return !since || String(item.date_published) > since; }).length;
  }
  // Only web links from the feed become hrefs.
  function safeUrl(url) {
    try { var u = new URL(url, base); return /^https?:$/.test(u.protocol) ? u.href : changelogUrl; } catch (e) { return changelogUrl; }
  }
  var dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

  var host = el('div', { 'data-whats-new-widget': '' });
  var root = host.attachShadow({ mode: 'open' });
  root.appendChild(el('style', {}, [
    ':host{all:initial}',
    '*{box-sizing:border-box}',
    '.w{--bg:#fff;--fg:#1b1d21;--mu:#555b64;--bd:#d5d7dc;--ac:#2f4ad0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg)}',
    '@media (prefers-color-scheme:dark){.w{--bg:#191c21;--fg:#e8eaee;--mu:#a3a9b3;--bd:#3a3f48;--ac:#93a8ff}}',
    '.t{position:fixed;right:20px;bottom:20px;z-index:2147483646;display:flex;align-items:center;gap:8px;padding:10px 16px;border:1px solid var(--bd);border-radius:999px;background:var(--bg);color:var(--fg);font:inherit;font-weight:600;cursor:pointer;box-shadow:0 2px 10px rgb(0 0 0/.15)}',
    '.b{min-width:22px;padding:0 6px;border-radius:999px;background:var(--ac);color:var(--bg);font-size:13px;text-align:center}',
    '.b[hidden]{display:none}',
    '.s{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}',
    '.p{position:fixed;right:20px;bottom:76px;z-index:2147483647;width:min(380px,calc(100vw - 24px));max-height:min(560px,calc(100vh - 100px));overflow:auto;padding:16px 18px;border:1px solid var(--bd);border-radius:12px;background:var(--bg);box-shadow:0 8px 30px rgb(0 0 0/.2)}',
    '.p[hidden]{display:none}',
    '.h{display:flex;justify-content:space-between;align-items:center;gap:8px;margin:0 0 8px}',
    'h2{margin:0;font-size:17px}',
    '.x{border:0;background:none;color:var(--fg);font:inherit;font-size:22px;line-height:1;padding:2px 8px;border-radius:6px;cursor:pointer}',
    'ul{list-style:none;margin:0;padding:0}',
    'li{padding:10px 0;border-top:1px solid var(--bd)}',
    'a{color:var(--ac);font-weight:600}',
    'p{margin:4px 0 0}',
    '.d{color:var(--mu);font-size:13px}',
    ':focus-visible{outline:3px solid var(--ac);outline-offset:2px}',
  ].join('')));
  var wrap = el('div', { class: 'w' });
  root.appendChild(wrap);
  var panel = el('div', { class: 'p', id: 'whats-new', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'whats-new-title', hidden: '' });
  var head = el('div', { class: 'h' });
  head.appendChild(el('h2', { id: 'whats-new-title' }, "What's new"));
  var close = el('button', { class: 'x', type: 'button', 'aria-label': "Close what's new" }, '\u00d7');
  head.appendChild(close);
  var body = el('div', { 'aria-live': 'polite' });
  panel.appendChild(head);
  panel.appendChild(body);
  wrap.appendChild(panel);

  var triggers = Array.prototype.slice.call(document.querySelectorAll('[data-whats-new]'));
  var badge = el('span', { class: 'b', 'aria-hidden': 'true', hidden: '' });
  // The count as screen readers hear it: part of the button's text, so its name contains what it shows.
  var spoken = el('span', { class: 's' });
  if (triggers.length === 0) {
    var own = el('button', { class: 't', type: 'button' }, "What's new");
    own.appendChild(badge);
    own.appendChild(spoken);
    wrap.appendChild(own);
    triggers = [own];
  }
  triggers.forEach(function (trigger) {
    trigger.setAttribute('aria-haspopup', 'dialog');
    trigger.setAttribute('aria-expanded', 'false');
    trigger.addEventListener('click', function () { panel.hidden ? open(trigger) : hide(); });
  });

  function label() {
    var count = unread();
    badge.textContent = count > 9 ? '9+' : String(count);
    badge.hidden = count === 0;
    spoken.textContent = count ? ', ' + count + (count === 1 ? ' new update' : ' new updates') : '';
    // A page's own buttons keep their text; the count is there to style (e.g. [data-whats-new-count]:not([data-whats-new-count="0"])).
    triggers.forEach(function (trigger) { trigger.setAttribute('data-whats-new-count', String(count)); });
  }

  function render() {
    body.textContent = '';
    if (failed || items.length === 0) {
      var p = el('p', {}, failed ? 'The latest changes could not be loaded. ' : 'Nothing new yet. ');
      p.appendChild(el('a', { href: changelogUrl }, 'See the changelog'));
      body.appendChild(p);
      return;
    }
    var list = el('ul', {});
    items.slice(0, SHOWN).forEach(function (item) {
      var li = el('li', {});
      li.appendChild(el('a', { href: safeUrl(item.url) }, String(item.title || '')));
      var date = new Date(item.date_published);
      if (!isNaN(date)) li.appendChild(el('p', { class: 'd' }, dateFormat.format(date)));
      if (item.summary) li.appendChild(el('p', {}, String(item.summary)));
      list.appendChild(li);
    });
    body.appendChild(list);
    var all = el('p', {});
    all.appendChild(el('a', { href: changelogUrl }, 'All changes'));
    body.appendChild(all);
  }

  function focusable() {
    return Array.prototype.slice.call(panel.querySelectorAll('a[href],button'));
  }
  function open(trigger) {
    lastFocus = trigger;
    render();
    panel.hidden = false;
    trigger.setAttribute('aria-expanded', 'true');
    close.focus();
    markSeen();
    label();
  }
  function hide() {
    if (panel.hidden) return;
    panel.hidden = true;
    triggers.forEach(function (trigger) { trigger.setAttribute('aria-expanded', 'false'); });
    if (lastFocus) lastFocus.focus();
  }
  close.addEventListener('click', hide);
  // Escape closes; Tab and Shift+Tab stay inside the open popover.
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { event.preventDefault(); hide(); return; }
    if (event.key !== 'Tab') return;
    var nodes = focusable();
    var first = nodes[0];
    var last = nodes[nodes.length - 1];
    var active = root.activeElement;
    if (event.shiftKey && active === first) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && active === last) { event.preventDefault(); first.focus(); }
  });

  // A click elsewhere on the page closes it, as any popover does.
  document.addEventListener('click', function (event) {
    var path = event.composedPath();
    if (!panel.hidden && path.indexOf(host) < 0 && !triggers.some(function (t) { return path.indexOf(t) >= 0; })) hide();
  });

  document.body.appendChild(host);
  label();
  fetch(feedUrl, { credentials: 'omit' })
    .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.json(); })
    .then(function (feed) { items = Array.isArray(feed.items) ? feed.items : []; })
    .catch(function () { failed = true; })
    .then(function () {
      host.setAttribute('data-state', failed ? 'error' : 'ready');
      label();
      if (!panel.hidden) render();
    });
})();
