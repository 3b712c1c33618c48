// DocSync's only script: progressive enhancement, every page works without it.
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-autosubmit]");
  if (select) {
    select.form.requestSubmit();
  }
});
