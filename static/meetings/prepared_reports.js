// "My reports": while a report is queued or being prepared, fetch the page again every few
// seconds, put the fresh list in place and say in the status line which report became ready
// or failed. Without JavaScript the page's "Check again" link does the same by hand.
(function () {
  "use strict";
  var INTERVAL_MS = 5000;

  function statuses(region) {
    var found = {};
    region.querySelectorAll("[data-status]").forEach(function (item) {
      found[item.id] = { status: item.dataset.status, title: item.dataset.title };
    });
    return found;
  }

  function refresh() {
    var region = document.getElementById("prepared-reports");
    if (!region || region.dataset.pending !== "true") {
      return;
    }
    fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("prepared-reports");
        if (!fresh) {
          return;
        }
        var before = statuses(region);
        var after = statuses(fresh);
        var status = document.getElementById("prepared-reports-status");
        var news = [];
        Object.keys(after).forEach(function (id) {
          var was = before[id] && before[id].status;
          var now = after[id].status;
          if (was && was !== now && (now === "ready" || now === "failed")) {
            news.push(status.dataset[now] + " " + after[id].title);
          }
        });
        region.replaceWith(fresh);
        if (news.length) {
          status.textContent = news.join(". ");
        }
        window.setTimeout(refresh, INTERVAL_MS);
      })
      .catch(function () {
        window.setTimeout(refresh, INTERVAL_MS * 3);
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    window.setTimeout(refresh, INTERVAL_MS);
  });
})();
