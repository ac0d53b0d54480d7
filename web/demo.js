// The demo page's feed switcher: one TalkTime.mount per choice, remembered in the fragment.
(function () {
  var choice = document.getElementById('feed-choice');
  var params = new URLSearchParams(location.hash.slice(1));
  if (params.get('feed')) choice.value = params.get('feed');
  function show() {
    TalkTime.mount('#talks', { feed: choice.value }).catch(function () { /* the widget shows the error */ });
  }
  choice.addEventListener('change', function () {
    history.replaceState(null, '', '#feed=' + encodeURIComponent(choice.value));
    show();
  });
  show();
})();
