// balise — small helps for every page; everything works without them.
// An error summary takes focus, so that screen readers announce it first.
const summary = document.querySelector('[data-error-summary]');
if (summary) summary.focus();
// Fields that only matter for one choice of a radio group show with that choice
// (without script they all show, each with its own label).
for (const block of document.querySelectorAll('[data-shown-when]')) {
  const [name, value] = block.dataset.shownWhen.split('=');
  const radios = document.querySelectorAll(`input[type=radio][name="${name}"]`);
  const update = () => {
    const chosen = [...radios].find((r) => r.checked);
    block.hidden = !chosen || chosen.value !== value;
  };
  for (const r of radios) r.addEventListener('change', update);
  update();
}
// A form is sent once, even after a double click.
for (const form of document.querySelectorAll('form[method=post]')) {
  form.addEventListener('submit', (ev) => {
    if (form.dataset.sent) ev.preventDefault();
    form.dataset.sent = 'true';
  });
}
