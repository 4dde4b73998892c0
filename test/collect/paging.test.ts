import { listAll, PAGE_SIZE, type Page, type PageRequest } from '../../lib/collect/paging';

/** Pages served from a list, recording what each request asked for. */
function pages(...served: Page<number>[]) {
  const requests: PageRequest[] = [];
  const fetchPage = async (request: PageRequest) => {
    requests.push(request);
    const page = served[requests.length - 1];
    if (page === undefined) throw new Error('asked for a page past the last');
    return page;
  };
  return { requests, fetchPage };
}

describe('listAll', () => {
  test('follows NextToken to the last page, asking for the page size as a string', async () => {
    const { requests, fetchPage } = pages({ Items: [1, 2], NextToken: 'a' }, { Items: [3], NextToken: 'b' }, { Items: [4] });
    await expect(listAll(fetchPage)).resolves.toEqual([1, 2, 3, 4]);
    expect(requests).toEqual([{ MaxResults: PAGE_SIZE }, { MaxResults: PAGE_SIZE, NextToken: 'a' }, { MaxResults: PAGE_SIZE, NextToken: 'b' }]);
    expect(typeof PAGE_SIZE).toBe('string');
  });

  test('reads absent Items as none and an empty NextToken as the end', async () => {
    const { requests, fetchPage } = pages({ NextToken: 'a' }, { Items: [1], NextToken: '' });
    await expect(listAll(fetchPage)).resolves.toEqual([1]);
    expect(requests).toHaveLength(2);
  });

  test('stops instead of looping forever when the same NextToken comes back', async () => {
    const { fetchPage } = pages({ Items: [1], NextToken: 'a' }, { Items: [2], NextToken: 'a' });
    await expect(listAll(fetchPage)).rejects.toThrow('the service returned a NextToken it had already returned ("a") on page 2');
  });
});
