-- What an invoice's documents need beyond the money: the clinic as the seller (business id,
-- VAT number, address, contact, bank account, e-invoice address, the language its documents
-- are written in by default) and, per client, how invoices reach them (language, email or
-- e-invoice, the e-invoice address and operator, the buyer's reference).

alter table organization add column business_id varchar(9);
alter table organization add column vat_number varchar(20);
alter table organization add column street_address varchar(200);
alter table organization add column zip_code varchar(20);
alter table organization add column city varchar(100);
alter table organization add column email varchar(254);
alter table organization add column phone varchar(50);
alter table organization add column iban varchar(34);
alter table organization add column bic varchar(11);
alter table organization add column einvoice_address_scheme varchar(4);
alter table organization add column einvoice_address varchar(100);
alter table organization add column einvoice_operator varchar(35);
alter table organization add column document_language char(2) default 'fi' not null;

alter table client add column document_language char(2);
alter table client add column invoice_delivery varchar(10);
alter table client add column einvoice_address_scheme varchar(4);
alter table client add column einvoice_address varchar(100);
alter table client add column einvoice_operator varchar(35);
alter table client add column buyer_reference varchar(70);

alter table organization add constraint organization_document_language_check
    check (document_language in ('fi', 'sv', 'en'));
alter table client add constraint client_document_language_check
    check (document_language in ('fi', 'sv', 'en'));
alter table client add constraint client_invoice_delivery_check
    check (invoice_delivery in ('EMAIL', 'EINVOICE'));
