// htmx requests carry the CSRF token from the page's meta tags (Spring Security keeps CSRF on).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && token.content && header.content) {
    event.detail.headers[header.content] = token.content;
  }
});

// Forms marked data-confirm ask before submitting (no inline handlers: the CSP forbids them).
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
