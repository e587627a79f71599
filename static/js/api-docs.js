// The API reference's "Send the request" forms: with JavaScript the answer is
// shown under the form (and values in the path are filled in); without it the
// form is an ordinary GET and the browser shows the JSON.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("[data-api-try]")) {
    for (const note of form.querySelectorAll("[data-needs-script]")) note.hidden = true;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      let url = form.dataset.path;
      for (const input of form.querySelectorAll("[data-path-parameter]")) {
        url = url.replace(`{${input.dataset.pathParameter}}`, encodeURIComponent(input.value.trim()));
      }
      const query = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (value) query.append(name, value);
      if (query.toString()) url += `?${query}`;
      const output = form.querySelector("[data-api-response]");
      output.hidden = false;
      output.textContent = `GET ${url}\n…`;
      try {
        const response = await fetch(url, { headers: { Accept: "application/json" } });
        const type = response.headers.get("Content-Type") || "";
        const body = type.includes("json") ? JSON.stringify(await response.json(), null, 2) : await response.text();
        output.textContent = `GET ${url}\n${response.status} ${response.statusText}\n\n${body.slice(0, 20000)}`;
      } catch (error) {
        output.textContent = `GET ${url}\n${error}`;
      }
    });
  }
});
