/* The map of a page's places: a marker for each item of the list beside it that gives a
   location (data-kind, data-lat, data-lng), named, linked and described by the item itself;
   country outlines from the portal's static files, tiles only when the portal names a tile
   server. Everything on the map is also in the list. */
(function () {
  "use strict";

  var container = document.getElementById("map");
  if (!container || !window.L) {
    return;
  }

  function text(item, selector) {
    var node = item.querySelector(selector);
    return node ? node.textContent.trim() : "";
  }

  var points = Array.prototype.map.call(
    document.querySelectorAll(".map-list__item[data-lat]"),
    function (item) {
      var link = item.querySelector("a");
      return {
        kind: item.dataset.kind,
        lat: parseFloat(item.dataset.lat),
        lng: parseFloat(item.dataset.lng),
        name: link.textContent.trim(),
        url: link.getAttribute("href"),
        kindLabel: text(item, ".map-list__kind"),
        address: text(item, ".map-list__address"),
      };
    }
  );
  var data = container.dataset;
  // The portal's countries, when no place is on the map to frame.
  var portalBounds = L.latLngBounds([34.8, 12.1], [55.0, 30.2]);

  // Shown before Leaflet measures it: a hidden container has no size to fit the places into.
  container.classList.add("map--ready");
  var map = L.map(container, {
    scrollWheelZoom: false,
    minZoom: 3,
    maxZoom: 18,
    zoomSnap: 0.5,
  });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');

  if (data.tilesUrl) {
    L.tileLayer(data.tilesUrl, {
      attribution: data.tilesAttribution || "",
      maxZoom: 18,
    }).addTo(map);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function markerIcon(point) {
    var label = element("span", "visually-hidden", point.name + " (" + point.kindLabel + ")");
    return L.divIcon({
      html: label,
      className: "map-marker map-marker--" + point.kind,
      iconSize: [22, 22],
      popupAnchor: [0, -8],
    });
  }

  function popupContent(point) {
    var content = element("div", "map-popup");
    var link = element("a", "", point.name);
    link.href = point.url;
    content.appendChild(element("p", "map-popup__name")).appendChild(link);
    content.appendChild(element("p", "map-popup__kind", point.kindLabel));
    if (point.address) {
      content.appendChild(element("p", "map-popup__address", point.address));
    }
    return content;
  }

  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var html = element("span", "marker-cluster__count");
    html.appendChild(element("span", "", String(count))).setAttribute("aria-hidden", "true");
    html.appendChild(
      element("span", "visually-hidden", data.clusterLabel.replace("%(count)s", count))
    );
    return L.divIcon({ html: html, className: "marker-cluster", iconSize: [36, 36] });
  }

  var markers = L.markerClusterGroup({
    iconCreateFunction: clusterIcon,
    showCoverageOnHover: false,
    maxClusterRadius: 50,
  });
  points.forEach(function (point) {
    L.marker([point.lat, point.lng], { icon: markerIcon(point), title: point.name })
      .bindPopup(popupContent(point))
      .addTo(markers);
  });
  markers.addTo(map);

  if (points.length) {
    map.fitBounds(markers.getBounds(), { padding: [24, 24], maxZoom: 12 });
  } else {
    map.fitBounds(portalBounds);
  }

  fetch(data.outlinesUrl)
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (outlines) {
      if (!outlines) {
        return;
      }
      L.geoJSON(outlines, {
        interactive: false,
        style: { color: "#4a4a55", weight: 1, fillColor: "#f3f5f9", fillOpacity: 1 },
        attribution: data.outlinesAttribution,
      })
        .addTo(map)
        .bringToBack();
      map.attributionControl.addAttribution(data.outlinesAttribution);
    });
})();
