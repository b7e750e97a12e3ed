// A map overlay drawn from one fetched answer: its group of shapes and its legend, shown and hidden together.


export class MapOverlay {
  constructor(mapView) {
    this.view = mapView;
    this.layer = null;
    this.legend = null;
  }

  /** Puts the drawn group on the map with the subclass's legend and fits the map to it; always true. */
  place(group) {
    group.addTo(this.view.map);
    this.layer = group;
    this.addLegend();
    const bounds = group.getBounds();
    if (bounds.isValid()) this.view.map.fitBounds(bounds, { padding: [20, 20] });
    return true;
  }

  hide() {
    if (this.layer) { this.layer.remove(); this.layer = null; }
    if (this.legend) { this.legend.remove(); this.legend = null; }
  }
}
