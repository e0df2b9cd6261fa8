// The note under a meeting's date and time boxes names the zone chosen in the same form,
// and follows the choice as it changes: the times are read in that zone when saved.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
    const select = document.getElementById("id_timezone");
    if (!select) {
        return;
    }
    const notes = document.querySelectorAll(".venue-zone-note");
    select.addEventListener("change", () => {
        for (const note of notes) {
            note.textContent = select.value
                ? note.dataset.template.replace("%(zone)s", select.value)
                : note.dataset.unknown;
        }
    });
});
