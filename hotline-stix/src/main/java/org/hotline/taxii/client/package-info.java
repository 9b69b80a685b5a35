/**
 * The TAXII 2.1 client: {@link org.hotline.taxii.client.TaxiiClient} for the endpoints and paging,
 * {@link org.hotline.taxii.client.TaxiiTransport} for delivering concern histories to a partner's inbox
 * collection, {@link org.hotline.taxii.client.TaxiiTls} for trust and client certificates.
 */
package org.hotline.taxii.client;
