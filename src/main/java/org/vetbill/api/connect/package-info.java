/**
 * The Connect API dialect ({@code /connect/invoices}): a supplier's invoices served to
 * its enrolled practices as Provet Connect serves them (PascalCase JSON or XML, the
 * Connect request headers, ASP.NET Web API error bodies), and the client that reads
 * another supplier's Connect endpoint for the supply importer. It translates only: the
 * rules live in the supply module.
 */
@NullMarked
package org.vetbill.api.connect;

import org.jspecify.annotations.NullMarked;
