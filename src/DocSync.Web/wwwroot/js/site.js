// DocSync's only script: progressive enhancement, every page works without it.
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-autosubmit]");
  if (select) {
    select.form.requestSubmit();
  }
});

// Export profile form: presets fill the template; the preview follows the form as people type.
(() => {
  const form = document.querySelector("form[data-preview-url]");
  if (!form) {
    return;
  }
  const target = document.getElementById("export-preview");
  const template = form.querySelector("[name='Form.PathTemplate']");
  let timer = 0;
  let sequence = 0;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++sequence;
      const query = new URLSearchParams();
      for (const [key, value] of new FormData(form)) {
        if (key.startsWith("Form.")) {
          query.append(key.substring(5), value);
        }
      }
      const response = await fetch(`${form.dataset.previewUrl}&${query}`, { headers: { Accept: "text/html" } });
      if (response.ok && mine === sequence) {
        target.innerHTML = await response.text();
      }
    }, 250);
  };
  form.addEventListener("input", refresh);
  form.addEventListener("change", (event) => {
    if (event.target.matches("[data-preset]")) {
      template.value = event.target.value;
    }
    refresh();
  });
})();

// Connection page: the backfill's progress and the queue depth update while the copy runs.
(() => {
  const card = document.querySelector("[data-progress-url]");
  if (!card) {
    return;
  }
  const poll = async () => {
    const response = await fetch(card.dataset.progressUrl, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      return;
    }
    const state = await response.json();
    card.querySelector("[data-field='queued']").textContent = state.queued;
    card.querySelector("[data-field='dead']").textContent = state.dead;
    let running = false;
    for (const profile of state.profiles) {
      const article = document.querySelector(`[data-profile='${profile.id}']`);
      const bar = article?.querySelector("[data-field='progress']");
      if (!bar || profile.total === null) {
        continue;
      }
      bar.max = Math.max(1, profile.total);
      bar.value = profile.done;
      running ||= !profile.completed;
      const text = article.querySelector("[data-field='progress-text']");
      text.dataset.completed = profile.completed;
      text.textContent = profile.completed
        ? `✓ ${profile.done} / ${profile.total}`
        : `${profile.done} / ${profile.total} · ${profile.perMinute}/min${profile.etaSeconds ? ` · ~${Math.ceil(profile.etaSeconds / 60)} min` : ""}`;
    }
    if (running || state.queued > 0) {
      setTimeout(poll, 1000);
    }
  };
  setTimeout(poll, 1000);
})();

// Document form: "Add a line" and "Remove" work in place (without script they post the form and come back).
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[name='Input.Command']");
  if (!button || !(button.value === "add-line" || button.value.startsWith("remove-line:"))) {
    return;
  }
  const body = button.form.querySelector("#lines tbody");
  if (!body) {
    return;
  }
  event.preventDefault();
  const rows = () => [...body.querySelectorAll("tr[data-line]")];
  if (button.value === "add-line") {
    const last = rows().at(-1);
    const copy = last.cloneNode(true);
    for (const input of copy.querySelectorAll("input")) {
      input.value = input.name.endsWith(".Quantity") ? "1" : input.name.endsWith(".VatRate") ? last.querySelector("[name$='.VatRate']").value : "";
      input.removeAttribute("aria-invalid");
    }
    body.appendChild(copy);
  } else {
    const row = button.closest("tr[data-line]");
    if (rows().length > 1) {
      row.remove();
    } else {
      for (const input of row.querySelectorAll("input")) {
        input.value = input.name.endsWith(".Quantity") ? "1" : "";
      }
    }
  }
  // Fields are bound by their index: number them 0, 1, 2… again, labels 1, 2, 3…
  rows().forEach((row, i) => {
    for (const field of row.querySelectorAll("input, button")) {
      if (field.name && field.name.startsWith("Input.Lines[")) {
        field.name = field.name.replace(/Input\.Lines\[\d+\]/, `Input.Lines[${i}]`);
        field.id = field.name.replace(/[.\[\]]/g, "_");
      }
      if (field.value && field.value.startsWith("remove-line:")) {
        field.value = `remove-line:${i}`;
      }
      if (field.dataset.label) {
        field.setAttribute("aria-label", field.dataset.label.includes("{0}") ? field.dataset.label.replace("{0}", i + 1) : `${field.dataset.label} ${i + 1}`);
      }
    }
  });
  const focus = button.value === "add-line" ? rows().at(-1).querySelector("input") : body.querySelector("input");
  focus?.focus();
});

// A secret shown once (a new API key): a button copies it; the key itself stays selectable without script.
(() => {
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const source = document.getElementById(button.dataset.copy);
    // Inside the notice (role=status): what is written there is announced.
    const status = button.parentElement.querySelector("[data-copy-status]");
    if (!source || !status) {
      continue;
    }
    button.hidden = false;
    button.addEventListener("click", async () => {
      const text = source.textContent.trim();
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        // No clipboard access: select the key, so Ctrl+C copies it.
        getSelection().selectAllChildren(source);
        document.execCommand("copy");
      }
      status.textContent = button.dataset.copied;
    });
  }
})();
