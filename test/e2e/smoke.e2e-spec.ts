import request from 'supertest';
import { createTestApp, TestApp } from '../utils/test-app';

describe('smoke', () => {
  let testApp: TestApp;
  beforeAll(async () => { testApp = await createTestApp(); });
  afterAll(async () => { await testApp.close(); });

  it('serves the home page in Spanish', async () => {
    const res = await request(testApp.server).get('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="es">');
  });
});
