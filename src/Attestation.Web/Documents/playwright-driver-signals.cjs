// Loaded into Playwright's Node.js driver with NODE_OPTIONS="--require …" by ChromiumPdfRenderer.
//
// The driver is a child of the portal and shares its process group, so a SIGTERM or SIGHUP sent to the group
// (scripts/start.sh on Ctrl-C, `kill -- -PGID`, a service manager) would end it at once and every PDF in flight with
// it. The portal decides instead: on shutdown it first lets the in-flight requests finish, then closes the browser.
// If the portal itself dies, the driver's stdin closes and the driver exits, taking the browser with it. (The driver
// already ignores SIGINT; Chromium runs in a process group of its own.)
for (const signal of ['SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {});
}
