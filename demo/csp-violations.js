// Counts Content Security Policy violations on the page (the strict-CSP demo shows it; its test reads it).
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
  const output = document.getElementById('violations');
  if (output) output.textContent = String(window.cspViolations.length);
});
