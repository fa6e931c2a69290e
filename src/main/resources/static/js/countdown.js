// Counts down the time left to accept an offer. The server measured it on the marketplace's clock, which runs ahead
// of real time in a simulation, so the count starts from that measurement rather than from the browser's date.
document.querySelectorAll("[data-countdown-ms]").forEach((element) => {
  const end = performance.now() + Number(element.dataset.countdownMs);
  const days = element.querySelector('[data-part="days"]');
  const unit = element.querySelector('[data-part="unit"]');
  const clock = element.querySelector('[data-part="clock"]');
  if (!days || !unit || !clock) {
    return;
  }
  const two = (value) => String(value).padStart(2, "0");
  const tick = () => {
    const left = Math.floor((end - performance.now()) / 1000);
    if (left < 0) {
      element.textContent = element.dataset.expired;
      clearInterval(timer);
      return;
    }
    const wholeDays = Math.floor(left / 86400);
    days.textContent = wholeDays;
    unit.textContent = wholeDays === 1 ? element.dataset.day : element.dataset.days;
    clock.textContent = `${two(Math.floor(left / 3600) % 24)}:${two(Math.floor(left / 60) % 60)}:${two(left % 60)}`;
  };
  const timer = setInterval(tick, 1000);
  tick();
});
