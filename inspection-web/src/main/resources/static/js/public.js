// The public site's only script: buttons marked data-print open the browser's print dialog (no inline
// handlers: the CSP forbids them).
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('[data-print]');
  if (button) {
    window.print();
  }
});
