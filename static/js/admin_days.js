// Django's calendar and clock boxes compare the browser's time zone with the server's and,
// where they differ, add under each box a note saying how many hours ahead or behind the
// reader is. In this back office each time box names the zone it takes (the venue's), and a
// day has no zone, so that note could only mislead: without the server's offset it is left out.
delete document.body.dataset.adminUtcOffset;
