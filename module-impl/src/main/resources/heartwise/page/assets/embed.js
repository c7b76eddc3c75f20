// Heartwise embed script for host pages: <script src=".../assets/<fingerprint>/embed.js" async></script>
// Lets every Heartwise iframe on the page take the height its content asks for (heartwise.resize).
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'heartwise.resize' || typeof data.height !== 'number' || !(data.height > 0)) { return; }
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source && frames[i].src.indexOf(event.origin + '/') === 0) {
        frames[i].style.height = Math.min(Math.ceil(data.height), 100000) + 'px';
      }
    }
  });
}());
