/* osor.collection: the faceted search applies a ticked value at once.
 *
 * The page is a plain GET form that works without this script (its Apply
 * button sits at the top of the filters). With it, ticking a value or
 * choosing a sort (words are still searched with the Search button, an
 * ordinary form submission) fetches the search's page, swaps the search part of the
 * page for the new one and pushes the new URL, so the address can be
 * shared and Back returns to the previous filters and results. Open
 * disclosures and the focused control are kept across the swap, and the
 * page's live region announces the new number of filters and results.
 * On wide screens the filters panel is open beside the results. Every text
 * comes from the server (translated there); nothing loads from elsewhere.
 */
(function () {
  "use strict";

  var CONTAINER = ".osor-faceted-search";
  var WIDE = window.matchMedia("(min-width: 768px)");
  var pending = null;
  var shownUrl = withoutHash(window.location.href);

  function withoutHash(url) {
    return url.split("#")[0];
  }

  function container() {
    return document.querySelector(CONTAINER);
  }

  function formUrl(form) {
    var query = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && value !== "") {
        query.append(name, value);
      }
    });
    var action = form.getAttribute("action") || window.location.pathname;
    var text = query.toString();
    return text ? action + "?" + text : action;
  }

  /* What the swap must keep: which disclosures are open and which control
     has the focus (found again by name and value, the new page's ids may
     differ as the values are ordered by their counts). */
  function viewState(root) {
    var state = { filtersOpen: false, moreOpen: [], focus: null };
    var filters = root.querySelector(".osor-filters");
    state.filtersOpen = Boolean(filters && filters.open);
    root.querySelectorAll(".osor-facet").forEach(function (facet) {
      var more = facet.querySelector(".osor-facet-more");
      if (more && more.open) {
        state.moreOpen.push(facet.getAttribute("data-facet"));
      }
    });
    var active = document.activeElement;
    if (active && root.contains(active)) {
      state.focus = { name: active.name || "", value: active.value || "", id: active.id || "" };
    }
    return state;
  }

  function restore(root, state) {
    var filters = root.querySelector(".osor-filters");
    if (filters) {
      filters.open = state.filtersOpen;
    }
    state.moreOpen.forEach(function (index) {
      root.querySelectorAll(".osor-facet").forEach(function (facet) {
        var more = facet.querySelector(".osor-facet-more");
        if (more && facet.getAttribute("data-facet") === index) {
          more.open = true;
        }
      });
    });
    if (!state.focus) {
      return;
    }
    var target = null;
    if (state.focus.name) {
      root.querySelectorAll("[name]").forEach(function (element) {
        if (!target && element.name === state.focus.name &&
            (element.type !== "checkbox" || element.value === state.focus.value)) {
          target = element;
        }
      });
    }
    if (!target && state.focus.id) {
      target = document.getElementById(state.focus.id);
    }
    if (target) {
      var more = target.closest(".osor-facet-more");
      if (more) {
        more.open = true;
      }
      target.focus();
    }
  }

  function announce(message) {
    var status = document.querySelector(".osor-search-status");
    if (status && message) {
      status.textContent = message;
    }
  }

  /* Show the search of ``url``: fetch it, swap it in; ``push`` adds it to
     the history. Anything unexpected: load the page the ordinary way. */
  function show(url, push) {
    if (pending) {
      pending.abort();
    }
    var controller = new AbortController();
    pending = controller;
    var current = container();
    current.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", signal: controller.signal })
      .then(function (response) {
        return response.text().then(function (html) {
          return { response: response, html: html };
        });
      })
      .then(function (loaded) {
        var page = new DOMParser().parseFromString(loaded.html, "text/html");
        var fresh = page.querySelector(CONTAINER);
        if (!loaded.response.ok || !fresh) {
          window.location.assign(url);
          return;
        }
        var state = viewState(current);
        if (push) {
          window.history.pushState({ osorSearch: true }, "", url);
        }
        shownUrl = withoutHash(window.location.href);
        current.replaceWith(fresh);
        enhance(fresh);
        restore(fresh, state);
        var message = page.querySelector(".osor-search-status");
        announce(message && message.getAttribute("data-osor-message"));
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          window.location.assign(url);
        }
      })
      .finally(function () {
        if (pending === controller) {
          pending = null;
          var shown = container();
          if (shown) {
            shown.removeAttribute("aria-busy");
          }
        }
      });
  }

  function enhance(root) {
    var form = root.querySelector("form.osor-search-form");
    if (!form) {
      return;
    }
    // Ticking applies at once: the Apply button is for pages without script.
    root.querySelectorAll(".osor-filters-apply").forEach(function (button) {
      button.hidden = true;
    });
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.type === "checkbox" || target.tagName === "SELECT") {
        show(formUrl(form), true);
      }
    });
  }

  function fitToScreen() {
    var filters = document.querySelector(CONTAINER + " .osor-filters");
    if (filters) {
      filters.open = WIDE.matches;
    }
  }

  var root = container();
  if (!root || !window.fetch || !window.history.pushState) {
    return;
  }
  enhance(root);
  fitToScreen();
  WIDE.addEventListener("change", fitToScreen);
  window.addEventListener("popstate", function () {
    var url = withoutHash(window.location.href);
    if (url !== shownUrl) {  // not a jump to an anchor of the same page
      shownUrl = url;
      show(url, false);
    }
  });
})();
