import { useEffect } from 'react';
import { openSamplePlan } from '../app/open-sample-plan.ts';
import { plannerStore } from '../state/store.ts';
import { Header } from './Header.tsx';
import { Legend } from './Legend.tsx';
import { MapView } from './MapView.tsx';

/** The page: a header bar, the map, and the legend over the map. */
export function App() {
  useEffect(() => {
    // The header and the base map show while the sample plan loads and its plots are classified.
    openSamplePlan(plannerStore).catch((error: unknown) =>
      console.error('Could not open the sample plan.', error),
    );
  }, []);

  return (
    <div className="app">
      <Header />
      <main className="app-main">
        <MapView />
        <Legend />
      </main>
    </div>
  );
}
