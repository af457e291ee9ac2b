// The board's only script of its own. It shows every <time datetime="…"> in the browser's time zone, with the exact
// instant on hover; sends the CSRF token with htmx's requests; and turns an "as of" picked in local time into an
// instant. The pages work without it (times then read in UTC).
(function () {
  'use strict';
  var fmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  var dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
  function localise(root) {
    (root || document).querySelectorAll('time[datetime]:not([data-local])').forEach(function (t) {
      var iso = t.getAttribute('datetime');
      var d = new Date(iso);
      if (isNaN(d)) { return; }
      t.textContent = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dateOnly.format(d) : fmt.format(d);
      t.title = d.toISOString();
      t.setAttribute('data-local', '');
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    localise(document);
    document.querySelectorAll('[data-print]').forEach(function (b) {
      b.addEventListener('click', function () { window.print(); });
    });
    document.querySelectorAll('form[data-as-of]').forEach(function (form) {
      form.addEventListener('submit', function () {
        var local = form.querySelector('input[type=datetime-local]');
        var hidden = form.querySelector('input[name=asOf]');
        if (local && hidden && local.value) { hidden.value = new Date(local.value).toISOString(); }
      });
    });
  });
  document.addEventListener('htmx:afterSettle', function (e) { localise(e.target); });
  document.addEventListener('htmx:configRequest', function (e) {
    var header = document.querySelector('meta[name=_csrf_header]');
    var token = document.querySelector('meta[name=_csrf]');
    if (header && token) { e.detail.headers[header.content] = token.content; }
  });
}());
