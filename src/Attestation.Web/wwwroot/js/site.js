// Progressive enhancement only: every form works without scripts.
document.querySelectorAll('[data-autosubmit]').forEach(function (element) {
  element.addEventListener('change', function () {
    var button = document.getElementById(element.getAttribute('data-autosubmit'));
    if (button) { button.click(); }
  });
});
