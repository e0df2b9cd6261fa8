// "All present" on the attendance marking page: without this script the button submits the
// form and the server marks everyone not yet marked; with it, the marks appear at once and the
// coordinator can still change a few before saving.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-all-present]");
    var status = document.querySelector("[data-marking-status]");
    if (!button) {
      return;
    }
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var marked = 0;
      document.querySelectorAll(".attendance-marking__person").forEach(function (person) {
        if (person.querySelector("input[type=radio]:checked")) {
          return;
        }
        var present = person.querySelector("input[type=radio][value=attended]");
        if (present) {
          present.checked = true;
          marked += 1;
        }
      });
      if (status) {
        var message = marked === 0 ? status.dataset.none
          : marked === 1 ? status.dataset.one : status.dataset.many;
        status.textContent = (message || "").replace("%(count)s", marked);
      }
    });
  });
})();
