import { useState } from 'react';
import { Button, Input } from 'antd';
import { navigate } from '../lib/router';
import { openSearch, readSearchParams } from '../pages/search/search-query';

/** The search box of every staff header: a case number, a name, a full phone number or words. */
export function HeaderSearch() {
  const [value, setValue] = useState(() => readSearchParams().q);
  return (
    <>
      {/* phones: an icon to the search page (the header has no room for a field) */}
      <Button
        className="tj-header-search-icon"
        size="small"
        aria-label="打开案件检索"
        onClick={() => navigate('search')}
      >
        检索
      </Button>
      <Input.Search
        className="tj-header-search"
        size="small"
        allowClear
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder="编号、姓名、电话、关键词"
        aria-label="案件检索"
        onSearch={(q) => {
          if (q.trim()) openSearch({ q: q.trim() });
        }}
      />
    </>
  );
}
