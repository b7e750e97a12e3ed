// Colours and labels shared by the map, the route cards and the charts (also in org.caravan.chart.ChartLayout).

export const ROUTE_COLOURS = ['#d81b60', '#1e88e5', '#2e7d32', '#8e24aa', '#ef6c00'];
export const routeColour = (i) => ROUTE_COLOURS[i % ROUTE_COLOURS.length];

export const MODE_STYLE = {
  rail: { color: '#4e342e', weight: 2.6 },
  road: { color: '#f57c00', weight: 1.8 },
  sea: { color: '#0277bd', weight: 1.4, opacity: 0.7 },
  ferry: { color: '#00897b', weight: 2.2 },
  crossing: { color: '#6a1b9a', weight: 2 },
};

export const MODE_LABEL = { rail: 'Rail', road: 'Road', sea: 'Sea lane', ferry: 'Ferry', crossing: 'Border crossing' };
