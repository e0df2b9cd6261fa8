/*
 * Type-ahead fields of the public filter forms: a text field becomes a combobox (WAI-ARIA
 * Authoring Practices, "combobox with listbox popup") whose suggestions come from the public
 * API. Without this script the field still works: the name or slug typed is sent as it is.
 *
 * A field marked data-typeahead="<API list>" keeps its label and id; its name moves to a hidden
 * field, which sends the chosen suggestion's slug, or the text typed when none was chosen.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var apiRoot = (script && script.dataset.apiRoot) || "/api/";
  var messages = {
    none: (script && script.dataset.msgNone) || "No suggestions",
    count: (script && script.dataset.msgCount) || "Suggestions: %(count)s",
    failed: (script && script.dataset.msgFailed) || "Suggestions could not be loaded",
  };
  var PAGE_SIZE = 8;
  var DELAY = 250;
  var counter = 0;

  function labelOf(item, fields) {
    for (var i = 0; i < fields.length; i++) {
      var value = item[fields[i]];
      if (value) return String(value);
    }
    return item.slug;
  }

  function detailOf(item, fields, label) {
    var parts = [];
    for (var i = 0; i < fields.length; i++) {
      var value = item[fields[i]];
      if (value && String(value) !== label) parts.push(String(value));
    }
    return parts.join(" · ");
  }

  function enhance(input) {
    var id = input.id || "typeahead-" + ++counter;
    var fields = (input.dataset.typeaheadLabels || "name").split(" ");
    var minimum = parseInt(input.dataset.typeaheadMin, 10) || 2;
    var source = apiRoot + input.dataset.typeahead + "/";
    var lang = document.documentElement.lang || "";

    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = input.name;
    hidden.value = input.dataset.typeaheadValue || input.value;
    input.removeAttribute("name");
    input.insertAdjacentElement("afterend", hidden);

    var wrapper = document.createElement("div");
    wrapper.className = "typeahead";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    wrapper.appendChild(hidden);

    var listbox = document.createElement("ul");
    listbox.id = id + "_suggestions";
    listbox.className = "typeahead__list";
    listbox.setAttribute("role", "listbox");
    var label = document.querySelector('label[for="' + id + '"]');
    if (label) {
      if (!label.id) label.id = id + "_label";
      listbox.setAttribute("aria-labelledby", label.id);
    }
    listbox.hidden = true;
    wrapper.appendChild(listbox);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    var items = [];
    var active = -1;
    var timer = null;
    var request = null;
    var lastQuery = null;

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = listbox.children;
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      options[index].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }

    function choose(index) {
      var item = items[index];
      if (!item) return;
      input.value = labelOf(item, fields);
      hidden.value = item.slug;
      lastQuery = input.value;
      close();
    }

    function show(results) {
      items = results;
      listbox.textContent = "";
      results.forEach(function (item, index) {
        var option = document.createElement("li");
        var text = labelOf(item, fields);
        var detail = detailOf(item, fields, text);
        option.id = listbox.id + "_" + index;
        option.className = "typeahead__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = text;
        if (detail) {
          var small = document.createElement("span");
          small.className = "typeahead__detail";
          small.textContent = detail;
          option.appendChild(small);
        }
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the field
        });
        option.addEventListener("click", function () {
          choose(index);
          input.focus();
        });
        listbox.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      status.textContent = results.length
        ? messages.count.replace("%(count)s", String(results.length))
        : messages.none;
      listbox.hidden = !results.length;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < minimum) {
        items = [];
        close();
        return;
      }
      if (query === lastQuery && items.length) {
        show(items);
        return;
      }
      lastQuery = query;
      if (request) request.abort();
      request = new AbortController();
      var url =
        source +
        "?q=" + encodeURIComponent(query) +
        "&page_size=" + PAGE_SIZE +
        (lang ? "&lang=" + encodeURIComponent(lang) : "");
      fetch(url, { headers: { Accept: "application/json" }, signal: request.signal })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          if (input.value.trim() === query) show(data.results || []);
        })
        .catch(function (error) {
          if (error.name === "AbortError") return;
          items = [];
          close();
          status.textContent = messages.failed;
        });
    }

    input.addEventListener("input", function () {
      hidden.value = input.value; // resolved by name unless a suggestion is chosen
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!open) {
            fetchSuggestions();
            return;
          }
          highlight(active + 1 < items.length ? active + 1 : 0);
          break;
        case "ArrowUp":
          event.preventDefault();
          if (open) highlight(active > 0 ? active - 1 : items.length - 1);
          break;
        case "Enter":
          if (open && active >= 0) {
            event.preventDefault(); // choose, do not submit yet
            choose(active);
          }
          break;
        case "Escape":
          if (open) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            hidden.value = "";
          }
          break;
        case "Tab":
          close();
          break;
      }
    });

    input.addEventListener("blur", function () {
      close();
    });
  }

  function init() {
    var fields = document.querySelectorAll("input[data-typeahead]");
    for (var i = 0; i < fields.length; i++) enhance(fields[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
