import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Root } from './app';
import { Themed } from './theme';
import './app.css';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Themed>
      <Root />
    </Themed>
  </StrictMode>,
);
