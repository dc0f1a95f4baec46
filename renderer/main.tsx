import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/app.css';
import './styles/large-type.css';
import { applyLargeType, largeTypeSaved } from './stores/large-type';

// 大字 before the first paint, as it was left (kept in this PC's browser storage).
applyLargeType(largeTypeSaved());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
