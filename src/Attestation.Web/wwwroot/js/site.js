// Progressive enhancement only: every form works without scripts.
// A list whose choice shows more (data-autosubmit names the button that sends it): a choice made with the mouse is sent
// at once. The keyboard changes a closed list at every press of an arrow key, so a choice made with keys is sent only
// by Enter (or the button itself): stepping through the options must not leave the page at the first one (WCAG 3.2.2).
document.querySelectorAll('[data-autosubmit]').forEach(function (element) {
  var button = document.getElementById(element.getAttribute('data-autosubmit'));
  if (!button) { return; }
  var keyed = false;
  element.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      event.preventDefault();
      button.click();
    } else if (event.key !== 'Tab' && event.key !== 'Shift') {
      keyed = true;
    }
  });
  element.addEventListener('pointerdown', function () { keyed = false; });
  element.addEventListener('blur', function () { keyed = false; });
  element.addEventListener('change', function () {
    if (!keyed) { button.click(); }
  });
});

// A button that asks first (data-confirm holds the question): «Отмена» sends nothing. Without scripts the form is sent
// straight away, as before.
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('[data-confirm]') : null;
  if (button && !window.confirm(button.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});

// A form sent back with errors: every invalid field names its message (aria-describedby), so that a screen reader reads
// the message with the field wherever the user tabs; the first invalid field gets the focus. Without a field (an error
// of the whole form) the summary gets the focus. Screen readers then announce the error wherever it is.
(function () {
  var fields = document.querySelectorAll('main .input-validation-error');
  fields.forEach(function (field) {
    var message = field.name ? document.querySelector('[data-valmsg-for="' + field.name + '"]') : null;
    if (message && message.textContent.trim()) {
      if (!message.id) { message.id = 'error-' + field.name.replace(/[^A-Za-z0-9_-]/g, '-'); }
      var described = field.getAttribute('aria-describedby');
      if (!described || described.split(' ').indexOf(message.id) < 0) {
        field.setAttribute('aria-describedby', described ? described + ' ' + message.id : message.id);
      }
      field.setAttribute('aria-invalid', 'true');
    }
  });
  if (fields.length > 0) {
    fields[0].focus();
    return;
  }
  var summary = document.querySelector('main .validation-summary-errors');
  if (summary) {
    summary.setAttribute('tabindex', '-1');
    if (!summary.getAttribute('role')) { summary.setAttribute('role', 'alert'); }
    summary.focus();
  }
})();
