// balise — small helps for every page; everything works without them.
// An error summary takes focus, so that screen readers announce it first.
const summary = document.querySelector('[data-error-summary]');
if (summary) summary.focus();
// A form is sent once, even after a double click.
for (const form of document.querySelectorAll('form[method=post]')) {
  form.addEventListener('submit', (ev) => {
    if (form.dataset.sent) ev.preventDefault();
    form.dataset.sent = 'true';
  });
}
