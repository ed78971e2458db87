// The dashboard's own script: what htmx attributes do not cover. Everything it does is an extra:
// every page works without it (forms post, links navigate, the log shows its newest lines).
// Served as a file (the Content-Security-Policy allows no inline script); plain ES2017, no build.
export const ENHANCE_SCRIPT = `(function () {
  'use strict';
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute('content') : '';

  // After htmx swaps content in, focus what it marks: the control that replaced the one clicked.
  document.addEventListener('htmx:afterSettle', function () {
    var next = document.querySelector('[data-autofocus]');
    if (next) {
      next.removeAttribute('data-autofocus');
      next.focus();
    }
  });

  // A typed confirmation: the form's button waits until the right name is typed (the server checks too).
  Array.prototype.forEach.call(document.querySelectorAll('input[data-confirm-value]'), function (input) {
    var button = input.form && input.form.querySelector('button[type="submit"]');
    if (!button) return;
    var check = function () { button.disabled = input.value !== input.getAttribute('data-confirm-value'); };
    input.addEventListener('input', check);
    check();
  });

  // Confirmation pages opened in a dialog: the link's page is fetched and its #confirm section shown
  // in a <dialog>; closing it (Cancel, Escape) returns focus to the link.
  var dialog = null;
  Array.prototype.forEach.call(document.querySelectorAll('a[data-dialog]'), function (link) {
    if (!window.HTMLDialogElement || !window.fetch) return;
    link.addEventListener('click', function (event) {
      event.preventDefault();
      fetch(link.href, {credentials: 'same-origin'}).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      }).then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var section = doc.getElementById('confirm');
        if (!section) { window.location.href = link.href; return; }
        if (!dialog) {
          dialog = document.createElement('dialog');
          dialog.setAttribute('aria-labelledby', 'confirm-heading');
          document.body.appendChild(dialog);
        }
        dialog.innerHTML = '';
        dialog.appendChild(document.importNode(section, true));
        Array.prototype.forEach.call(dialog.querySelectorAll('a[data-cancel]'), function (cancel) {
          cancel.addEventListener('click', function (e) { e.preventDefault(); dialog.close(); });
        });
        Array.prototype.forEach.call(dialog.querySelectorAll('input[data-confirm-value]'), function (input) {
          var button = input.form && input.form.querySelector('button[type="submit"]');
          var check = function () { if (button) button.disabled = input.value !== input.getAttribute('data-confirm-value'); };
          input.addEventListener('input', check);
          check();
        });
        dialog.onclose = function () { link.focus(); };
        dialog.showModal();
        var first = dialog.querySelector('input:not([type="hidden"]), button, a');
        if (first) first.focus();
      }).catch(function () { window.location.href = link.href; });
    });
  });

  // The log: the page shows the newest lines; with scripts, a tail session follows new ones.
  var log = document.getElementById('log-lines');
  var status = document.getElementById('tail-status');
  if (log && log.getAttribute('data-session-url') && window.EventSource && window.fetch) {
    fetch(log.getAttribute('data-session-url'), {method: 'POST', credentials: 'same-origin', headers: {'x-csrf-token': csrf}})
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (session) {
        var source = new EventSource(session.url);
        var replaced = false;
        if (status) status.textContent = 'Following the log live.';
        source.onmessage = function (event) {
          if (!replaced) { log.textContent = ''; replaced = true; }
          var atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
          var item = document.createElement('li');
          item.textContent = event.data;
          log.appendChild(item);
          while (log.children.length > 1500) log.removeChild(log.firstChild);
          if (atBottom) log.scrollTop = log.scrollHeight;
        };
        source.onerror = function () {
          if (source.readyState === EventSource.CLOSED && status) status.textContent = 'The live log stopped: reload the page to follow it again.';
        };
      })
      .catch(function () { if (status) status.textContent = 'The live log could not be started: reload the page to try again.'; });
  }
})();
`
