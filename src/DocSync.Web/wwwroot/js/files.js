// Files: drop files anywhere on the upload form to upload them at once. Without scripts the form's
// own file field and button do the same.
(() => {
    for (const zone of document.querySelectorAll('form[data-dropzone]')) {
        const input = zone.querySelector('input[type=file]');
        if (!input) continue;
        const over = on => zone.classList.toggle('dropping', on);
        zone.addEventListener('dragover', e => { e.preventDefault(); over(true); });
        zone.addEventListener('dragleave', () => over(false));
        zone.addEventListener('drop', e => {
            e.preventDefault();
            over(false);
            if (!e.dataTransfer || e.dataTransfer.files.length === 0) return;
            input.files = e.dataTransfer.files;
            const status = document.createElement('p');
            status.setAttribute('role', 'status');
            status.textContent = zone.dataset.dropping || '';
            zone.append(status);
            zone.requestSubmit();
        });
    }
})();
