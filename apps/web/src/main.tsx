import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app';
import './app.css';

// antd, its theme and dayjs load with the signed-in shell (signed-in.tsx): the sign-in page needs none of them
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
